package dev.oms.events;

import java.util.UUID;

/** A notification went out on one channel; {@code sourceEventId} is the event it tells about. */
public record NotificationSent(UUID notificationId, UUID sourceEventId, UUID orderId, String notificationType,
                               String channel) implements OmsEvent {
}
