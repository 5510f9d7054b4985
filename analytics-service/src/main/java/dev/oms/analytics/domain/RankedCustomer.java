package dev.oms.analytics.domain;

import java.util.UUID;

/** A leaderboard row: rank is the 1-based position; name and email are null when the customer is not known. */
public record RankedCustomer(int rank, UUID customerId, String name, String email, long netSpendMinor) {
}
