package dev.oms.events;

import java.util.UUID;

/** A refund was declined; its amount is refundable again. */
public record RefundFailed(UUID refundId, UUID orderId, UUID customerId, Money amount, String reason)
        implements OmsEvent {
}
