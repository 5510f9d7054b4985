package dev.oms.cli.command;

import dev.oms.cli.OmsCli;
import dev.oms.cli.Service;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real command line, with every service pointed at one URL, and captures what it prints. */
final class Cli {

    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String servicesUrl, String... args) {
        return runWith(Map.of(), servicesUrl, args);
    }

    static Result runWith(Map<String, String> environment, String servicesUrl, String... args) {
        List<String> arguments = new ArrayList<>();
        for (Service service : Service.values()) {
            arguments.add(service.optionName() + "=" + servicesUrl);
        }
        arguments.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OmsCli.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments.toArray(String[]::new));
        return new Result(exitCode, normalize(out), normalize(err));
    }

    private static String normalize(StringWriter text) {
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
