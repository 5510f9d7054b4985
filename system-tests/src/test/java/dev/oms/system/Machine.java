package dev.oms.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The machine a benchmark ran on, for its figures to be read against. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %d GiB, Java %s", Runtime.getRuntime().availableProcessors(),
                cpuModel(), memoryGiB(), System.getProperty("java.version"));
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    private static long memoryGiB() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Long.parseLong(value.replaceAll("\\D", "")) / (1024 * 1024)).orElse(0L);
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
