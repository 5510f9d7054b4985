package dev.oms.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time each process of the system used over a stretch of a benchmark (from {@code /proc}, Linux): the
 * services, MariaDB, Redis, and this JVM, which runs the Kafka broker and the benchmark's own readers. It says
 * where the machine's two cores went, per order.
 */
final class CpuUse {

    private final Map<String, Long> pids;
    private final Map<String, Double> startSeconds;
    private final long startNanos = System.nanoTime();

    private CpuUse(Map<String, Long> pids) throws IOException {
        this.pids = pids;
        this.startSeconds = secondsNow();
    }

    /** Starts measuring the services' processes and the machine's database, cache and broker. */
    static CpuUse start(List<ServiceProcess> services) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            pids.put(service.name(), service.pid());
        }
        pids.put("broker+benchmark JVM", ProcessHandle.current().pid());
        pidOf("mariadbd").ifPresent(pid -> pids.put("mariadb", pid));
        pidOf("redis-server").ifPresent(pid -> pids.put("redis", pid));
        return new CpuUse(pids);
    }

    /** CPU seconds per process since the start, and per order; the share of the two cores they add up to. */
    String describe(long orders) throws IOException {
        Map<String, Double> used = used();
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        return used.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.0f s (%.2f ms/order)", e.getKey(), e.getValue(),
                        e.getValue() * 1000 / orders))
                .collect(Collectors.joining(", ", "", String.format(Locale.ROOT,
                        "; in all %.0f CPU s = %.1f ms/order, %.0f %% of %d cores over %.0f s", total,
                        total * 1000 / orders, 100 * total / (cores * wallSeconds), cores, wallSeconds)));
    }

    /** CPU seconds per process since the start, as JSON members. */
    String json() throws IOException {
        return used().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "\"%s\": %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private Map<String, Double> used() throws IOException {
        Map<String, Double> now = secondsNow();
        Map<String, Double> used = new LinkedHashMap<>();
        now.forEach((name, seconds) -> used.put(name, seconds - startSeconds.getOrDefault(name, 0.0)));
        return used;
    }

    private Map<String, Double> secondsNow() throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            seconds.put(process.getKey(), ProcessFigures.cpuSeconds(process.getValue()));
        }
        return seconds;
    }

    /** The first process whose command name is {@code command}, if one runs. */
    private static Optional<Long> pidOf(String command) throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(path -> command.equals(commandOf(path)))
                    .map(path -> Long.parseLong(path.getFileName().toString()))
                    .findFirst();
        }
    }

    private static String commandOf(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
