package dev.oms.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Prints, every 15 s while a benchmark runs, how many records each consumer group has yet to take from each topic
 * (published minus committed), so the figures show which stage of the saga holds the backlog.
 */
final class ConsumerLag implements AutoCloseable {

    private static final List<String> GROUPS = List.of("order-service", "payment-service", "refund-service",
            "notification-service", "analytics-service");

    private final Admin admin;
    private final Instant start = Instant.now();
    private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consumer-lag");
        thread.setDaemon(true);
        return thread;
    });

    private ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    static ConsumerLag printEvery15Seconds(String bootstrapServers) {
        ConsumerLag lag = new ConsumerLag(bootstrapServers);
        lag.printer.scheduleWithFixedDelay(lag::print, 15, 15, TimeUnit.SECONDS);
        return lag;
    }

    private void print() {
        try {
            System.out.printf("  +%ds lag: %s%n", Duration.between(start, Instant.now()).toSeconds(), describe());
        } catch (Exception e) {
            System.out.println("  lag: not known (" + e + ")");
        }
    }

    /** "group topic records" for every group and topic with records not yet taken, or "none". */
    private String describe() throws Exception {
        Map<String, Long> lags = new TreeMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            committed.forEach((partition, offset) -> {
                long behind = ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
                if (behind > 0) {
                    lags.merge(group + " " + partition.topic(), behind, Long::sum);
                }
            });
        }
        return lags.isEmpty() ? "none" : lags.entrySet().stream()
                .map(entry -> entry.getKey() + " " + Figures.count(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        printer.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
