package dev.oms.analytics.rest;

import dev.oms.analytics.domain.RankedCustomer;

import java.util.UUID;

/** Rank is the 1-based position; name and email are the latest seen; amounts in minor units of the shop currency. */
public record LeaderboardEntryResponse(int rank, UUID customerId, String name, String email, long netSpendMinor) {

    static LeaderboardEntryResponse of(RankedCustomer customer) {
        return new LeaderboardEntryResponse(customer.rank(), customer.customerId(), customer.name(), customer.email(),
                customer.netSpendMinor());
    }
}
