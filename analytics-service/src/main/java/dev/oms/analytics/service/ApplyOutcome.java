package dev.oms.analytics.service;

/** What applying one record did. */
public enum ApplyOutcome {
    /** The effect was applied (events without a KPI effect only advance the offset). */
    APPLIED,
    /** A copy of an event already applied (re-published, same event id): only the offset advanced. */
    EVENT_ALREADY_APPLIED,
    /** The record's offset was already applied (redelivery after a rebalance or restart): nothing changed. */
    OFFSET_ALREADY_APPLIED,
    /** The current generation is not the one the call expected (a rebuild switched): nothing changed. */
    GENERATION_MOVED
}
