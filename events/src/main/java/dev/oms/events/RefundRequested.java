package dev.oms.events;

import java.util.UUID;

public record RefundRequested(UUID refundId, UUID orderId, UUID customerId, Money amount, String reason)
        implements OmsEvent {
}
