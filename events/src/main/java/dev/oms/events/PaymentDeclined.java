package dev.oms.events;

import java.util.UUID;

public record PaymentDeclined(UUID paymentId, UUID orderId, Money amount, String reason) implements OmsEvent {
}
