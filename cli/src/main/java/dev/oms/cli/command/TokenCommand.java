package dev.oms.cli.command;

import dev.oms.cli.CliException;
import dev.oms.devtokens.DevelopmentTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** Prints a development token: for local runs only, since production services refuse the development key. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a JWT signed with the DEVELOPMENT key (local runs and tests only).",
                "Roles: admin, support, analyst, customer (a customer's subject is their email)."})
public class TokenCommand implements Callable<Integer> {

    private static final Set<String> ROLES = Set.of("admin", "support", "analyst", "customer");

    @Spec
    private CommandSpec spec;

    @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
            description = "one or more of admin, support, analyst, customer")
    private List<String> roles;

    @Option(names = "--sub", paramLabel = "SUBJECT",
            description = "the token's subject: the customer's email for the customer role (default: oms-dev)")
    private String subject;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "PT8H",
            description = "how long the token is valid, ISO-8601 (default: PT8H)")
    private Duration lifetime;

    @Override
    public Integer call() {
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new CliException("unknown role '" + role + "'; roles are admin, support, analyst, customer");
            }
        }
        if (roles.contains("customer") && (subject == null || !subject.contains("@"))) {
            throw new CliException("a customer token needs --sub with the customer's email");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new CliException("--ttl must be positive");
        }
        String token = DevelopmentTokens.mint(subject == null ? "oms-dev" : subject, roles, Instant.now(), lifetime);
        spec.commandLine().getOut().println(token);
        return 0;
    }
}
