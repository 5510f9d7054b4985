package dev.oms.platform.metrics;

import dev.oms.platform.transaction.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Meters of state changes, updated after commit: a redelivered event or a retried transaction counts once, as
 * its effect does.
 */
@ApplicationScoped
public class CommittedMeters {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    public CommittedMeters(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    public void increment(Counter.Builder counter) {
        afterCommit.run(() -> counter.register(registry).increment());
    }

    public void record(Timer.Builder timer, Duration duration) {
        afterCommit.run(() -> timer.register(registry).record(duration));
    }
}
