package dev.oms.analytics.service;

import java.time.Instant;

/**
 * The latest rebuild: which generation replaces which, how far it got, and how it ended.
 *
 * @param recordsRead   records read from the topics so far
 * @param recordsTotal  records in the topics when the rebuild started (more may arrive while it runs)
 * @param eventsApplied records whose effect was applied (the others were copies, had no effect or were undecodable)
 * @param recordsPerSecond records read per second of the rebuild so far
 */
public record RebuildStatus(String id, State state, long fromGeneration, long toGeneration, Instant startedAt,
                            Instant finishedAt, long recordsRead, long recordsTotal, long eventsApplied,
                            long recordsSkipped, long recordsPerSecond, String error) {

    public enum State {
        /** Reading the topics into the new generation; reads answer from the old one. */
        RUNNING,
        /** The new generation is current. */
        SWITCHED,
        /** Stopped without switching; the old generation stays current. */
        FAILED,
        /** Marked running, but its runner stopped renewing its lock (the process died): the old generation stays. */
        ABANDONED
    }
}
