package dev.oms.notification.domain;

import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderDelivered;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderRejected;
import dev.oms.events.OrderShipped;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RefundFailed;

import java.util.Optional;
import java.util.UUID;

/**
 * What an event asks to be told, as far as the event itself knows it. Order events carry the order's new status and
 * total; refund events carry neither ({@code orderStatus} and {@code total} are null), so the caller completes them
 * from its projection of orders.
 *
 * @param reason why an order failed or a refund was declined, or the cancellation's reason; null otherwise
 */
public record NotificationTrigger(NotificationType type, UUID orderId, UUID customerId, OrderStatus orderStatus,
                                  Money total, Money refundAmount, String reason) {

    /** The notification an event calls for, or empty for the events nobody is notified about. */
    public static Optional<NotificationTrigger> of(OmsEvent event) {
        NotificationTrigger trigger = null;
        if (event instanceof OrderCompleted e) {
            trigger = order(NotificationType.ORDER_CONFIRMED, e.orderId(), e.customer().customerId(),
                    OrderStatus.PAID, e.total(), null);
        } else if (event instanceof OrderRejected e) {
            trigger = order(NotificationType.ORDER_FAILED, e.orderId(), e.customerId(), OrderStatus.REJECTED,
                    e.total(), e.reason() == null ? e.detail() : e.reason().name());
        } else if (event instanceof OrderFailed e) {
            trigger = order(NotificationType.ORDER_FAILED, e.orderId(), e.customerId(), OrderStatus.FAILED,
                    e.total(), e.reason() == null ? e.detail() : e.reason().name());
        } else if (event instanceof OrderCancelled e) {
            trigger = order(NotificationType.ORDER_FAILED, e.orderId(), e.customerId(), OrderStatus.CANCELLED,
                    e.total(), e.reason());
        } else if (event instanceof OrderShipped e) {
            trigger = order(NotificationType.ORDER_SHIPPED, e.orderId(), e.customerId(), OrderStatus.SHIPPED,
                    e.total(), null);
        } else if (event instanceof OrderDelivered e) {
            trigger = order(NotificationType.ORDER_DELIVERED, e.orderId(), e.customerId(), OrderStatus.DELIVERED,
                    e.total(), null);
        } else if (event instanceof RefundCompleted e) {
            trigger = new NotificationTrigger(NotificationType.REFUND_COMPLETED, e.orderId(), e.customerId(), null,
                    null, e.amount(), null);
        } else if (event instanceof RefundFailed e) {
            trigger = new NotificationTrigger(NotificationType.REFUND_FAILED, e.orderId(), e.customerId(), null,
                    null, e.amount(), e.reason());
        }
        return Optional.ofNullable(trigger);
    }

    /** True for events that may call for a notification, without building it. */
    public static boolean concerns(OmsEvent event) {
        return of(event).isPresent();
    }

    /** This trigger completed with the order's status and total as last known (for refund events). */
    public NotificationTrigger withOrder(OrderStatus status, Money orderTotal) {
        return new NotificationTrigger(type, orderId, customerId, status, orderTotal, refundAmount, reason);
    }

    public boolean complete() {
        return orderStatus != null && total != null;
    }

    private static NotificationTrigger order(NotificationType type, UUID orderId, UUID customerId, OrderStatus status,
                                             Money total, String reason) {
        return new NotificationTrigger(type, orderId, customerId, status, total, null, reason);
    }
}
