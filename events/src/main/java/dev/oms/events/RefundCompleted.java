package dev.oms.events;

import java.util.UUID;

/** A refund settled: counts toward refunded revenue on the day of the event. */
public record RefundCompleted(UUID refundId, UUID orderId, UUID customerId, Money amount) implements OmsEvent {
}
