package dev.oms.events;

import java.util.UUID;

/** Cancelled before payment; reserved stock was released and any late payment is voided. */
public record OrderCancelled(UUID orderId, UUID customerId, Money total, String reason) implements OmsEvent {
}
