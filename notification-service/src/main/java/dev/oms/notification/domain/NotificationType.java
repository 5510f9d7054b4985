package dev.oms.notification.domain;

import java.util.Locale;

/** What a notification tells the customer (or a receiver): one per kind of order or refund outcome. */
public enum NotificationType {
    ORDER_CONFIRMED,
    ORDER_FAILED,
    ORDER_SHIPPED,
    ORDER_DELIVERED,
    REFUND_COMPLETED,
    REFUND_FAILED;

    /** e.g. {@code order-confirmed}: the name in configuration keys and template paths. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
