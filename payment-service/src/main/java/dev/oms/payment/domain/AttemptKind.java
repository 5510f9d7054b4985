package dev.oms.payment.domain;

/** What was asked of the gateway. */
public enum AttemptKind {
    SALE,
    VOID,
    /** Part or all of an authorized sale given back (support's refund). */
    REFUND
}
