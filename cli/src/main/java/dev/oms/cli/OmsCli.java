package dev.oms.cli;

import dev.oms.cli.command.AnalyticsCommand;
import dev.oms.cli.command.DemoCommand;
import dev.oms.cli.command.ImportCommand;
import dev.oms.cli.command.ImportsCommand;
import dev.oms.cli.command.KpiCommand;
import dev.oms.cli.command.LeaderboardCommand;
import dev.oms.cli.command.NotificationsCommand;
import dev.oms.cli.command.OpsCommand;
import dev.oms.cli.command.OrdersCommand;
import dev.oms.cli.command.ProductsCommand;
import dev.oms.cli.command.RefundCommand;
import dev.oms.cli.command.SimulateCommand;
import dev.oms.cli.command.TokenCommand;
import dev.oms.cli.http.ServiceClient;
import dev.oms.devtokens.DevelopmentTokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The {@code oms} command: a thin HTTP client of the OMS services. */
@Command(name = "oms", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = "Order management platform: load products, import orders, look at orders, KPIs and the leaderboard.",
        subcommands = {ProductsCommand.class, OrdersCommand.class, ImportCommand.class, ImportsCommand.class,
                RefundCommand.class, NotificationsCommand.class, KpiCommand.class, LeaderboardCommand.class,
                OpsCommand.class, AnalyticsCommand.class, DemoCommand.class, SimulateCommand.class, TokenCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Each service URL can also be set with OMS_<SERVICE>_URL, e.g. OMS_ORDER_URL.",
                "Requests carry the bearer token in OMS_TOKEN; without it, a DEVELOPMENT token (admin, support,",
                "analyst) that only services using the development key accept.",
                "Errors are printed as 'error: ...' on stderr with exit code 1; usage errors exit with 2."})
public class OmsCli implements Callable<Integer> {

    public static final String TOKEN_VARIABLE = "OMS_TOKEN";

    @Spec
    private CommandSpec spec;

    @Option(names = "--import-url", paramLabel = "URL", description = "import-service (default: http://127.0.0.1:8081)")
    private String importUrl;

    @Option(names = "--order-url", paramLabel = "URL", description = "order-service (default: http://127.0.0.1:8082)")
    private String orderUrl;

    @Option(names = "--payment-url", paramLabel = "URL", description = "payment-service (default: http://127.0.0.1:8083)")
    private String paymentUrl;

    @Option(names = "--refund-url", paramLabel = "URL", description = "refund-service (default: http://127.0.0.1:8084)")
    private String refundUrl;

    @Option(names = "--notification-url", paramLabel = "URL",
            description = "notification-service (default: http://127.0.0.1:8085)")
    private String notificationUrl;

    @Option(names = "--analytics-url", paramLabel = "URL", description = "analytics-service (default: http://127.0.0.1:8086)")
    private String analyticsUrl;

    private final Map<String, String> environment;
    private HttpClient http;
    private String bearerToken;

    public OmsCli(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(System.getenv());
        int exitCode = commandLine.execute(args);
        // Commands print whole tables with print(), which an auto-flushing writer does not flush by itself.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }

    /** The command line with the error handling of the real program; tests run commands through it too. */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new OmsCli(environment));
        commandLine.setExecutionExceptionHandler((failure, failedCommand, parseResult) -> {
            if (failure instanceof CliException) {
                failedCommand.getErr().println("error: " + failure.getMessage());
                failedCommand.getErr().flush();
                return 1;
            }
            throw failure;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    public ServiceUrls serviceUrls() {
        Map<Service, String> options = new EnumMap<>(Service.class);
        options.put(Service.IMPORT, importUrl);
        options.put(Service.ORDER, orderUrl);
        options.put(Service.PAYMENT, paymentUrl);
        options.put(Service.REFUND, refundUrl);
        options.put(Service.NOTIFICATION, notificationUrl);
        options.put(Service.ANALYTICS, analyticsUrl);
        options.values().removeIf(value -> value == null);
        return new ServiceUrls(options, environment);
    }

    public ServiceClient client(Service service) {
        if (http == null) {
            // HTTP/1.1: the services speak plain HTTP, and an h2c upgrade attempt buys nothing for one request.
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }
        return new ServiceClient(service, serviceUrls().urlOf(service), http, bearerToken());
    }

    private String bearerToken() {
        if (bearerToken == null) {
            String configured = environment.get(TOKEN_VARIABLE);
            bearerToken = configured != null && !configured.isBlank() ? configured.strip()
                    : DevelopmentTokens.mint("oms-cli", List.of("admin", "support", "analyst"));
        }
        return bearerToken;
    }
}
