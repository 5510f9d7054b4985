package dev.oms.events;

import java.time.Instant;
import java.util.UUID;

public record PaymentAuthorized(UUID paymentId, UUID orderId, Money amount, Instant authorizedAt) implements OmsEvent {
}
