package dev.oms.analytics.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one event changes: increments of its business day's counters and, when a customer spent money, a credit
 * on the all-time and daily leaderboards.
 */
public record KpiEffect(LocalDate day, Map<KpiCounter, Long> increments, Optional<LeaderboardCredit> credit) {

    public KpiEffect {
        Objects.requireNonNull(day, "day");
        increments = Map.copyOf(increments);
        Objects.requireNonNull(credit, "credit");
    }
}
