package dev.oms.analytics.domain;

import java.util.UUID;

/**
 * A change of a customer's net spend on the leaderboards: what an order paid, or minus what a refund gave back. The
 * name and email are the latest known for the customer (null when the event does not carry them).
 */
public record LeaderboardCredit(UUID customerId, String name, String email, long amountMinor) {
}
