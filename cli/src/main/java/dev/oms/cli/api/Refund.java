package dev.oms.cli.api;

import dev.oms.events.Money;

/** A refund as refund-service answers it. */
public record Refund(String refundId, String orderId, Money amount, String status, String reason,
                     String failureReason) {

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
