package dev.oms.analytics.domain;

import java.util.UUID;

/** Money a customer spent, credited to the leaderboards; the name and email are the latest known for the customer. */
public record LeaderboardCredit(UUID customerId, String name, String email, long amountMinor) {
}
