package dev.oms.events;

/** Why an order failed at payment. */
public enum FailureReason {
    PAYMENT_DECLINED,
    PAYMENT_TIMEOUT
}
