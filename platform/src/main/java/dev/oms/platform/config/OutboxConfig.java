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

    /**
     * Shards of the outbox, each published by one relay thread among all replicas (1 to 64). Every replica of a
     * service must use the same count.
     */
    @WithDefault("4")
    int shards();

    /** Rows published per relay round trip. */
    @WithDefault("500")
    int batchSize();

    /** How long a relay sleeps when its shard is empty and no commit woke it. */
    @WithDefault("200ms")
    Duration idlePoll();

    /** How often a relay whose shard another replica holds tries to take it over. */
    @WithDefault("5s")
    Duration lockRetry();

    /** Pause after a failed publish before the batch is tried again. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** How long shutdown waits for the relays to publish what is committed. */
    @WithDefault("10s")
    Duration drainTimeout();
}
