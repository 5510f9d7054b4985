package dev.oms.cli.api;

import dev.oms.events.Money;

import java.time.Instant;

/** A refund as refund-service answers it; {@code updatedAt} is when it ended once it is no longer PENDING. */
public record Refund(String refundId, String orderId, Money amount, String status, String reason,
                     String failureReason, Instant createdAt, Instant updatedAt) {

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
