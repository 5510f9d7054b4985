package dev.oms.notification.rest;

import dev.oms.events.Money;
import dev.oms.notification.domain.DeliveryStatus;
import dev.oms.notification.domain.Notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the history as the API shows it: {@code refundAmount} only for refund notifications, {@code recipient}
 * and {@code subject} only for email, {@code nextAttemptAt} only while PENDING.
 */
public record NotificationView(UUID notificationId, UUID eventId, String type, String channel, UUID orderId,
                               UUID customerId, String orderStatus, Money total, Money refundAmount, String recipient,
                               String subject, String payload, String status, int attempts, String lastError,
                               Instant createdAt, Instant sentAt, Instant nextAttemptAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.eventId, n.type.name(), n.channel.key(), n.orderId, n.customerId,
                n.orderStatus.name(), new Money(n.totalMinor, n.currency),
                n.refundMinor == null ? null : new Money(n.refundMinor, n.currency), n.recipient, n.subject, n.payload,
                n.status.name(), n.attempts, n.lastError, n.createdAt, n.sentAt,
                n.status == DeliveryStatus.PENDING ? n.nextAttemptAt : null);
    }
}
