package dev.oms.cli.api;

import java.time.Duration;
import java.time.Instant;

/** analytics-service's latest rebuild ({@code GET /ops/rebuild}). */
public record RebuildStatus(String id, String state, long fromGeneration, long toGeneration, Instant startedAt,
                            Instant finishedAt, long recordsRead, long recordsTotal, long eventsApplied,
                            long recordsSkipped, long recordsPerSecond, String error) {

    public boolean isRunning() {
        return "RUNNING".equals(state);
    }

    public boolean isSwitched() {
        return "SWITCHED".equals(state);
    }

    /** From start to finish, or to now while it runs. */
    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }
}
