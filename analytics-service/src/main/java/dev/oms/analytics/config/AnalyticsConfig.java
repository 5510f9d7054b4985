package dev.oms.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** How analytics reads the business: which day an event belongs to, in which currency, and how long ids are remembered. */
@ConfigMapping(prefix = "oms.analytics")
public interface AnalyticsConfig {

    /** The zone whose calendar days are the business days of the KPIs and the daily leaderboard. */
    @WithDefault("UTC")
    ZoneId zone();

    /** The shop currency (ISO 4217); every amount analytics adds up is in it. */
    @WithDefault("USD")
    String currency();

    /** How long an applied event id is remembered, so a re-published copy of it is recognised and skipped. */
    @WithDefault("7d")
    Duration dedupeWindow();

    Rebuild rebuild();

    /** Recomputing the numbers from the topics into a fresh generation. */
    interface Rebuild {

        /** Records applied per pipelined batch (two round trips); a poll of Kafka brings up to four batches. */
        @WithDefault("1000")
        int batchSize();

        /** How long a rebuild that has read the whole log may take to catch up with live consumption and switch. */
        @WithDefault("5m")
        Duration catchUpTimeout();

        /** How long the rebuild lock lasts without renewal: another replica may start a rebuild after it. */
        @WithDefault("60s")
        Duration lease();

        /** How long the replaced generation is kept after the switch, so reads already under way still find it. */
        @WithDefault("30s")
        Duration keepReplacedFor();
    }
}
