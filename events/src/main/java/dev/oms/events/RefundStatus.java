package dev.oms.events;

/** Refund progress of an order, kept apart from its fulfilment status. */
public enum RefundStatus {
    NONE,
    PARTIAL,
    FULL
}
