package dev.oms.system;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Prints, every 15 s while a benchmark runs, how many records each consumer group has yet to take from each topic
 * (analytics-service's {@code GET /ops/queues}), so the figures show which stage of the saga holds the backlog.
 */
final class ConsumerLag implements AutoCloseable {

    private final OmsApi api;
    private final Instant start = Instant.now();
    private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consumer-lag");
        thread.setDaemon(true);
        return thread;
    });

    private ConsumerLag(OmsApi api) {
        this.api = api;
    }

    static ConsumerLag printEvery15Seconds(OmsApi api) {
        ConsumerLag lag = new ConsumerLag(api);
        lag.printer.scheduleWithFixedDelay(lag::print, 15, 15, TimeUnit.SECONDS);
        return lag;
    }

    private void print() {
        try {
            System.out.printf("  +%ds lag: %s%n", Duration.between(start, Instant.now()).toSeconds(), describe());
        } catch (RuntimeException e) {
            System.out.println("  lag: not known (" + e + ")");
        }
    }

    /** "group topic records" for every group and topic with records not yet taken, or "none". */
    private String describe() {
        String lags = api.queues().consumerGroups().stream()
                .filter(lag -> lag.lag() > 0)
                .map(lag -> lag.group() + " " + lag.topic() + " " + Figures.count(lag.lag()))
                .collect(Collectors.joining(", "));
        return lags.isEmpty() ? "none" : lags;
    }

    @Override
    public void close() {
        printer.shutdownNow();
    }
}
