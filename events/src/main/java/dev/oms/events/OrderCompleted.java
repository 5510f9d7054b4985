package dev.oms.events;

import java.time.Instant;
import java.util.UUID;

/** Payment captured: the order is PAID. Counts toward revenue on the day of {@code paidAt}. */
public record OrderCompleted(UUID orderId, CustomerRef customer, Money total, UUID paymentId, Instant paidAt)
        implements OmsEvent {
}
