package dev.oms.events;

import java.util.UUID;

public record PaymentVoided(UUID paymentId, UUID orderId, Money amount) implements OmsEvent {
}
