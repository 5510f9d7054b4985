package dev.oms.system;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged CLI ({@code cli/target/oms-cli.jar}) run as its own process against a started system. */
final class CliProcess {

    record Result(int exitCode, String output, Duration took) {
    }

    private CliProcess() {
    }

    /** Runs {@code oms <arguments>} with every service URL pointed at {@code system}; its output also goes to a log. */
    static Result run(OmsSystem system, String test, Duration timeout, String... arguments)
            throws IOException, InterruptedException {
        Path root = OmsSystem.projectRoot();
        Path jar = root.resolve("cli/target/oms-cli.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the CLI first");
        }
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaBinary(), "-jar", jar.toString()));
        for (String service : OmsSystem.SERVICES) {
            command.add("--" + service.replace("-service", "") + "-url=" + system.url(service));
        }
        command.addAll(List.of(arguments));
        Path log = Files.createDirectories(root.resolve("system-tests/target/system/logs").resolve(test))
                .resolve("cli-" + arguments[0] + ".log");
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile()));
        // Without a token of its own the CLI mints a development one, which the system's services accept.
        builder.environment().remove("OMS_TOKEN");
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("oms " + String.join(" ", arguments) + " did not end within " + timeout
                    + "; its output is in " + log);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
