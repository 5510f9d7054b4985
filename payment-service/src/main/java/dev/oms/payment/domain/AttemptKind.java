package dev.oms.payment.domain;

/** What was asked of the gateway. */
public enum AttemptKind {
    SALE,
    VOID
}
