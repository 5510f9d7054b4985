package dev.oms.payment.domain;

public enum PaymentStatus {
    /** Authorized and captured (a sale). */
    AUTHORIZED,
    DECLINED,
    /** An authorized payment given back because the order stopped wanting it. */
    VOIDED
}
