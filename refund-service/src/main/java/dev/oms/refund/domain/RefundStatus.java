package dev.oms.refund.domain;

/** Lifecycle of one refund request. */
public enum RefundStatus {
    PENDING,
    COMPLETED,
    FAILED
}
