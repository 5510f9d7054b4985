package dev.oms.order.domain;

/** Everything that can move an order from one status to another. */
public enum OrderTrigger {
    RESERVE_STOCK,
    REJECT,
    REQUEST_PAYMENT,
    PAYMENT_AUTHORIZED,
    PAYMENT_DECLINED,
    PAYMENT_TIMED_OUT,
    CANCEL,
    SHIP,
    DELIVER
}
