package dev.oms.events;

import java.util.UUID;

/** A notification could not be sent on one channel after its retries. */
public record NotificationFailed(UUID notificationId, UUID sourceEventId, UUID orderId, String notificationType,
                                 String channel, String error) implements OmsEvent {
}
