package dev.oms.events;

import java.util.UUID;

public record RefundSettled(UUID refundId, UUID orderId, Money amount) implements OmsEvent {
}
