package dev.oms.notification.domain;

/**
 * The order statuses notifications report, as order-service names them. STOCK_RESERVED and PAYMENT_PENDING are left
 * out on purpose: no notification is about them, and a refund (the only notification that reads a stored status)
 * is only ever granted for a PAID, SHIPPED or DELIVERED order.
 */
public enum OrderStatus {
    RECEIVED,
    REJECTED,
    PAID,
    FAILED,
    CANCELLED,
    SHIPPED,
    DELIVERED;

    /** Paid for: the only statuses refund-service grants refunds in, and no later status leaves them. */
    public boolean paid() {
        return this == PAID || this == SHIPPED || this == DELIVERED;
    }
}
