package dev.oms.cli.simulation;

import java.time.Instant;

/** A requested refund as refund-service ended it: COMPLETED or FAILED, at {@code endedAt}. */
public record SettledRefund(RefundPlan plan, String refundId, String status, long amountMinor, Instant endedAt,
                            String failureReason) {

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }
}
