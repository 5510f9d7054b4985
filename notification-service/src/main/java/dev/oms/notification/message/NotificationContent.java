package dev.oms.notification.message;

import dev.oms.events.Money;
import dev.oms.notification.domain.NotificationType;
import dev.oms.notification.domain.OrderStatus;

import java.time.Instant;
import java.util.UUID;

/** Everything one notification tells, whatever the channel: the event's facts completed with the order's. */
public record NotificationContent(UUID eventId, Instant occurredAt, NotificationType type, UUID orderId,
                                  UUID customerId, String customerName, OrderStatus orderStatus, Money total,
                                  Money refundAmount, String reason) {
}
