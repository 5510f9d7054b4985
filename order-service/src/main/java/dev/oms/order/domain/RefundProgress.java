package dev.oms.order.domain;

import dev.oms.events.RefundStatus;

/** An order's refund status from what completed refunds have given back of its total. */
public final class RefundProgress {

    private RefundProgress() {
    }

    public static RefundStatus of(long totalMinor, long refundedMinor) {
        if (refundedMinor <= 0) {
            return RefundStatus.NONE;
        }
        return refundedMinor >= totalMinor ? RefundStatus.FULL : RefundStatus.PARTIAL;
    }
}
