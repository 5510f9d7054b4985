package dev.oms.payment.domain;

public enum PaymentStatus {
    /** The sale was requested from the gateway; its answer comes later through the webhook. */
    PENDING,
    /** Authorized and captured (a sale). */
    AUTHORIZED,
    DECLINED,
    /** An authorized payment given back because the order stopped wanting it. */
    VOIDED
}
