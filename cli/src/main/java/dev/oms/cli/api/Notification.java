package dev.oms.cli.api;

/** One notification of the history (one event on one channel), as notification-service lists it. */
public record Notification(String notificationId, String eventId, String type, String channel, String orderId,
                           String status, int attempts, String lastError, String createdAt, String sentAt) {
}
