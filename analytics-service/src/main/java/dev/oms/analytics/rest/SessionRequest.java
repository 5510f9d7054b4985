package dev.oms.analytics.rest;

/** Sign-in: a JWT as {@code ./oms token --role analyst} prints it. */
public record SessionRequest(String token) {
}
