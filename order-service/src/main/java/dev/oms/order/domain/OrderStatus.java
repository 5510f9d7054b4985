package dev.oms.order.domain;

/** Fulfilment status of an order; refund progress is kept apart in {@link dev.oms.events.RefundStatus}. */
public enum OrderStatus {
    RECEIVED,
    STOCK_RESERVED,
    PAYMENT_PENDING,
    PAID,
    SHIPPED,
    DELIVERED,
    REJECTED,
    FAILED,
    CANCELLED;

    /** True once the saga is over for this order: nothing more happens without a person acting on it. */
    public boolean sagaFinished() {
        return this != RECEIVED && this != STOCK_RESERVED && this != PAYMENT_PENDING;
    }
}
