package dev.oms.order.rest;

import java.util.UUID;

/** The answer to a placed order: its id, and whether this answer replays an earlier request with the same key. */
public record PlacedOrder(UUID orderId, String status, boolean replayed) {
}
