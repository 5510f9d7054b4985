package dev.oms.notification.domain;

/** Where one notification on one channel stands: waiting for a (next) attempt, delivered, or given up. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED
}
