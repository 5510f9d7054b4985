package dev.oms.order.service;

import dev.oms.order.domain.Order;
import dev.oms.order.domain.OrderHistoryEntry;
import dev.oms.order.domain.OrderStateMachine;
import dev.oms.order.domain.OrderStatus;
import dev.oms.order.domain.OrderTrigger;
import dev.oms.platform.ids.Uuids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Applies transitions as compare-and-set updates: {@code UPDATE ... WHERE id = ? AND status = ?}. A miss means the
 * order is no longer in the expected status (the fact was already applied, or another one won), and the caller
 * decides what that means.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderTransitions {

    private final OrderMetrics metrics;

    public OrderTransitions(OrderMetrics metrics) {
        this.metrics = metrics;
    }

    /** Moves the order from {@code from} by {@code trigger}; false when it was not in {@code from}. */
    public boolean apply(UUID orderId, OrderStatus from, OrderTrigger trigger, String reason, String detail, Instant at) {
        OrderStatus to = OrderStateMachine.require(from, trigger);
        int changed = reason == null
                ? Order.update("status = ?1, updatedAt = ?2 where id = ?3 and status = ?4", to, at, orderId, from)
                : Order.update("status = ?1, updatedAt = ?2, reason = ?3, reasonDetail = ?4 where id = ?5 and status = ?6",
                to, at, reason, truncate(detail, 1000), orderId, from);
        if (changed == 0) {
            return false;
        }
        record(orderId, from, to, reason, at);
        return true;
    }

    /** PAYMENT_PENDING → PAID, with the payment's id and time in the same compare-and-set; false when not pending. */
    public boolean markPaid(UUID orderId, UUID paymentId, Instant at) {
        OrderStatus to = OrderStateMachine.require(OrderStatus.PAYMENT_PENDING, OrderTrigger.PAYMENT_AUTHORIZED);
        int changed = Order.update("status = ?1, updatedAt = ?2, paidAt = ?2, paymentId = ?3 where id = ?4 and status = ?5",
                to, at, paymentId, orderId, OrderStatus.PAYMENT_PENDING);
        if (changed == 0) {
            return false;
        }
        record(orderId, OrderStatus.PAYMENT_PENDING, to, null, at);
        return true;
    }

    /**
     * The order's status as committed now, read with its row lock: after a missed compare-and-set, a plain read
     * could return the transaction's older snapshot (REPEATABLE READ).
     */
    public OrderStatus lockedStatus(UUID orderId) {
        Object status = Order.getEntityManager()
                .createNativeQuery("SELECT status FROM orders WHERE id = ?1 FOR UPDATE")
                .setParameter(1, Uuids.toBytes(orderId))
                .getSingleResult();
        return OrderStatus.valueOf((String) status);
    }

    public void record(UUID orderId, OrderStatus from, OrderStatus to, String reason, Instant at) {
        OrderHistoryEntry entry = new OrderHistoryEntry();
        entry.id = Uuids.timeOrdered();
        entry.orderId = orderId;
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.reason = truncate(reason, 200);
        entry.at = at;
        entry.persist();
        metrics.transition(from, to);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
