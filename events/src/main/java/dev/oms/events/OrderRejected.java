package dev.oms.events;

import java.util.UUID;

/** The order cannot be fulfilled: reason is UNKNOWN_PRODUCT, OUT_OF_STOCK or INVALID. */
public record OrderRejected(UUID orderId, UUID customerId, RejectionReason reason, String detail, Money total)
        implements OmsEvent {
}
