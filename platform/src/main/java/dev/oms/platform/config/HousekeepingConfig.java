package dev.oms.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Pruning of outbox rows, applied-event records and idempotency keys. */
@ConfigMapping(prefix = "oms.housekeeping")
public interface HousekeepingConfig {

    /**
     * How long rows are kept. Applied-event records must outlive any redelivery: the request, command and payment
     * topics keep records 7 days, so the window is at least that.
     */
    @WithDefault("7d")
    Duration retention();

    /** How often pruning runs. */
    @WithDefault("10m")
    Duration interval();

    /** Rows deleted per statement. */
    @WithDefault("1000")
    int batchSize();

    /** Pause between two batches, so pruning leaves room for the live traffic. */
    @WithDefault("50ms")
    Duration pause();
}
