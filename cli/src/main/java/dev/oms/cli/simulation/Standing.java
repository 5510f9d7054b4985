package dev.oms.cli.simulation;

/** A customer's place on a leaderboard: their net spend (paid − refunded) in minor units. */
public record Standing(String customerId, String name, String email, long netSpendMinor) {
}
