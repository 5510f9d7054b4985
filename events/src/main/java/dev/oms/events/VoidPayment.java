package dev.oms.events;

import java.util.UUID;

/** Command: give back a payment taken after the order stopped wanting it (timeout or cancel). */
public record VoidPayment(UUID paymentId, UUID orderId, String reason) implements OmsEvent {
}
