package dev.oms.notification.rest;

import dev.oms.events.Money;
import dev.oms.notification.domain.Notification;

import java.time.Instant;
import java.util.UUID;

public record NotificationView(UUID notificationId, UUID eventId, String type, String channel, UUID orderId,
                               UUID customerId, String orderStatus, Money total, String status, int attempts,
                               String lastError, Instant createdAt, Instant sentAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.eventId, n.type, n.channel, n.orderId, n.customerId, n.orderStatus,
                new Money(n.totalMinor, n.currency), n.status, n.attempts, n.lastError, n.createdAt, n.sentAt);
    }
}
