package dev.oms.events;

import java.util.UUID;

/** Payment did not happen; reserved stock was released. */
public record OrderFailed(UUID orderId, UUID customerId, FailureReason reason, String detail, Money total)
        implements OmsEvent {
}
