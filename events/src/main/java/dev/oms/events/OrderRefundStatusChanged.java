package dev.oms.events;

import java.util.UUID;

/** The order's refund status changed; {@code refunded} is the total refunded so far. */
public record OrderRefundStatusChanged(UUID orderId, UUID customerId, RefundStatus refundStatus, Money refunded)
        implements OmsEvent {
}
