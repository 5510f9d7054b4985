package dev.oms.refund.rest;

import dev.oms.events.Money;
import dev.oms.refund.domain.Refund;
import dev.oms.refund.domain.RefundStatus;

import java.time.Instant;
import java.util.UUID;

public record RefundView(UUID refundId, UUID orderId, Money amount, RefundStatus status, String reason,
                         String failureReason, Instant createdAt, Instant updatedAt) {

    static RefundView of(Refund refund) {
        return new RefundView(refund.id, refund.orderId, new Money(refund.amountMinor, refund.currency), refund.status,
                refund.reason, refund.failureReason, refund.createdAt, refund.updatedAt);
    }
}
