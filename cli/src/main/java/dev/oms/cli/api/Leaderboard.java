package dev.oms.cli.api;

import java.util.List;

/** Customers by net spend; {@code scope} is "all" or the day. */
public record Leaderboard(String scope, List<Entry> entries) {

    public List<Entry> entries() {
        return entries == null ? List.of() : entries;
    }

    public record Entry(int rank, String customerId, String name, String email, long netSpendMinor) {
    }
}
