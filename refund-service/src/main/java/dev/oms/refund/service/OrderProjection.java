package dev.oms.refund.service;

import dev.oms.events.OmsEvent;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderDelivered;
import dev.oms.events.OrderRefundStatusChanged;
import dev.oms.events.OrderShipped;
import dev.oms.events.RefundStatus;
import dev.oms.refund.domain.PaidOrderStatus;
import dev.oms.refund.domain.RefundableOrder;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps {@link RefundableOrder} up to date from order-service's events; each event is applied once by the
 * caller's inbox, in its transaction. Events of one order arrive in order (one partition per order).
 */
@ApplicationScoped
public class OrderProjection {

    /** The order events the projection reads; the others are acknowledged unread. */
    public static boolean reads(OmsEvent event) {
        return event instanceof OrderCompleted || event instanceof OrderShipped || event instanceof OrderDelivered
                || event instanceof OrderRefundStatusChanged;
    }

    public void apply(OmsEvent event) {
        if (event instanceof OrderCompleted paid) {
            onPaid(paid);
        } else if (event instanceof OrderShipped shipped) {
            moveTo(shipped.orderId(), PaidOrderStatus.SHIPPED);
        } else if (event instanceof OrderDelivered delivered) {
            moveTo(delivered.orderId(), PaidOrderStatus.DELIVERED);
        } else if (event instanceof OrderRefundStatusChanged changed) {
            RefundableOrder.update("refundStatus = ?1, updatedAt = ?2 where orderId = ?3",
                    changed.refundStatus(), Instant.now(), changed.orderId());
        }
    }

    private void onPaid(OrderCompleted paid) {
        if (RefundableOrder.findById(paid.orderId()) != null) {
            return;
        }
        RefundableOrder order = new RefundableOrder();
        order.orderId = paid.orderId();
        order.customerId = paid.customer().customerId();
        order.status = PaidOrderStatus.PAID;
        order.capturedMinor = paid.total().amountMinor();
        order.currency = paid.total().currency();
        order.refundStatus = RefundStatus.NONE;
        order.updatedAt = Instant.now();
        order.persist();
    }

    private static void moveTo(UUID orderId, PaidOrderStatus status) {
        RefundableOrder.update("status = ?1, updatedAt = ?2 where orderId = ?3", status, Instant.now(), orderId);
    }
}
