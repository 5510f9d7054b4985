package dev.oms.order.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** The answer to a placed order: its id, and whether this answer replays an earlier request with the same key. */
// Returned inside a Response, which hides its type from Quarkus: a native image must be told to keep its accessors.
@RegisterForReflection
public record PlacedOrder(UUID orderId, String status, boolean replayed) {
}
