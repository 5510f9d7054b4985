package dev.oms.payment.domain;

/** What a void request does to a payment, decided by its status. */
public enum VoidDecision {
    /** The payment was authorized: void it at the gateway now. */
    VOID_NOW,
    /** The sale is still pending: void it as soon as the gateway approves it. */
    AFTER_AUTHORIZATION,
    /** Declined, already voided, or never taken: there is nothing to give back. */
    NOTHING
}
