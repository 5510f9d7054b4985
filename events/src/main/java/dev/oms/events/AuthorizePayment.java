package dev.oms.events;

import java.util.UUID;

/** Command: take a payment (a sale: authorize and capture in one step). Idempotent on {@code paymentId}. */
public record AuthorizePayment(UUID paymentId, UUID orderId, UUID customerId, Money amount, Lane lane)
        implements OmsEvent {
}
