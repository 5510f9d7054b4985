package dev.oms.notification.channel;

import dev.oms.notification.domain.Notification;
import dev.oms.notification.domain.NotificationType;

import java.util.UUID;

/** One send of a notification on its channel; {@code eventId} travels with it so receivers can drop repeats. */
public record Delivery(UUID notificationId, UUID eventId, NotificationType type, UUID orderId, UUID customerId,
                       String recipient, String subject, String payload, int attempt) {

    public static Delivery of(Notification n) {
        return new Delivery(n.id, n.eventId, n.type, n.orderId, n.customerId, n.recipient, n.subject, n.payload,
                n.attempts + 1);
    }
}
