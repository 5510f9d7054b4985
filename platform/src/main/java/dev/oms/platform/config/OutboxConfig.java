package dev.oms.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the transactional outbox relay. */
@ConfigMapping(prefix = "oms.outbox")
public interface OutboxConfig {

    /** Build-time switch (read by {@code @IfBuildProperty}) for services that own an outbox table. */
    @WithDefault("false")
    boolean enabled();

    /** Rows published per relay round trip. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay sleeps when the outbox is empty and no commit woke it. */
    @WithDefault("200ms")
    Duration idlePoll();

    /** Pause after a failed publish before the batch is tried again. */
    @WithDefault("1s")
    Duration retryBackoff();
}
