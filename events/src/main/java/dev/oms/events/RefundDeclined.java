package dev.oms.events;

import java.util.UUID;

public record RefundDeclined(UUID refundId, UUID orderId, Money amount, String reason) implements OmsEvent {
}
