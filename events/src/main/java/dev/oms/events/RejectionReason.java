package dev.oms.events;

/** Why an order was rejected before payment. */
public enum RejectionReason {
    UNKNOWN_PRODUCT,
    OUT_OF_STOCK,
    INVALID
}
