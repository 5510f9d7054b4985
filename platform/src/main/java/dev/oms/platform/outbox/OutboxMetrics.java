package dev.oms.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox on {@code /q/metrics}: events published per topic, the publish lag of each (commit → Kafka
 * acknowledgement), and the backlog of rows still waiting with the age of the oldest.
 */
public final class OutboxMetrics {

    private final MeterRegistry registry;
    private final Timer publishLag;
    private final AtomicLong backlogRows = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.publishLag = Timer.builder("oms.outbox.publish.lag")
                .description("Time from an event's commit to its acknowledgement by Kafka").register(registry);
        registry.gauge("oms.outbox.backlog", backlogRows);
        TimeGauge.builder("oms.outbox.oldest.pending.age", oldestPendingMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
                .description("Age of the oldest event not yet published; 0 when none waits").register(registry);
    }

    void published(List<PendingRecord> rows, Instant acknowledgedAt) {
        for (PendingRecord row : rows) {
            Counter.builder("oms.outbox.published").tag("topic", row.topic()).register(registry).increment();
            publishLag.record(Duration.between(row.createdAt(), acknowledgedAt));
        }
    }

    void backlog(OutboxTable.Backlog backlog, Instant now) {
        backlogRows.set(backlog.rows());
        oldestPendingMillis.set(backlog.oldestCreatedAt() == null ? 0
                : Math.max(0, Duration.between(backlog.oldestCreatedAt(), now).toMillis()));
    }
}
