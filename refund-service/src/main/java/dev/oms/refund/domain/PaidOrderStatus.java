package dev.oms.refund.domain;

/** The states of an order in which it may be refunded: it has been paid for. */
public enum PaidOrderStatus {
    PAID,
    SHIPPED,
    DELIVERED
}
