package dev.oms.events;

import java.util.UUID;

/** Command: settle a refund against the order's payment. Idempotent on {@code refundId}. */
public record RefundPayment(UUID refundId, UUID orderId, Money amount) implements OmsEvent {
}
