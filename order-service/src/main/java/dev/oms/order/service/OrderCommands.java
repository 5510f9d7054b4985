package dev.oms.order.service;

import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderDelivered;
import dev.oms.events.OrderShipped;
import dev.oms.events.VoidPayment;
import dev.oms.order.domain.IllegalTransitionException;
import dev.oms.order.domain.Order;
import dev.oms.order.domain.OrderStateMachine;
import dev.oms.order.domain.OrderStatus;
import dev.oms.order.domain.OrderTrigger;
import dev.oms.platform.outbox.Outbox;
import dev.oms.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What support staff do to an order: cancel it before payment, ship it, mark it delivered. Each is one
 * compare-and-set; an order not in a status that allows the step answers 409 naming its current status.
 */
@ApplicationScoped
@Transactional
public class OrderCommands {

    private final OrderTransitions transitions;
    private final StockLedger stock;
    private final Outbox outbox;

    public OrderCommands(OrderTransitions transitions, StockLedger stock, Outbox outbox) {
        this.transitions = transitions;
        this.stock = stock;
        this.outbox = outbox;
    }

    /** Cancels before payment; reserved stock is released, and a payment that still arrives is voided. */
    public OrderStatus cancel(UUID orderId, String reason) {
        Order order = move(orderId, OrderTrigger.CANCEL, "CANCELLED", reason);
        if (OrderStateMachine.releasesStock(order.status, OrderStatus.CANCELLED)) {
            stock.release(OrderSaga.demandOf(order));
        }
        outbox.add(new OrderCancelled(order.id, order.customerId, OrderSaga.totalOf(order), reason), order.lane);
        if (order.status == OrderStatus.PAYMENT_PENDING) {
            // The sale may still be under way: payment-service voids it whenever the approval comes.
            outbox.add(new VoidPayment(order.paymentId, order.id, "order cancelled"), order.lane);
        }
        stock.writeMoves();
        return OrderStatus.CANCELLED;
    }

    public OrderStatus ship(UUID orderId) {
        Order order = move(orderId, OrderTrigger.SHIP, null, null);
        outbox.add(new OrderShipped(order.id, order.customerId, OrderSaga.totalOf(order)), order.lane);
        return OrderStatus.SHIPPED;
    }

    public OrderStatus deliver(UUID orderId) {
        Order order = move(orderId, OrderTrigger.DELIVER, null, null);
        outbox.add(new OrderDelivered(order.id, order.customerId, OrderSaga.totalOf(order)), order.lane);
        return OrderStatus.DELIVERED;
    }

    /** Applies the step to the order as loaded; returns the order with the status it had before the step. */
    private Order move(UUID orderId, OrderTrigger trigger, String reason, String detail) {
        Order order = Order.findById(orderId);
        if (order == null) {
            throw ProblemException.notFound("order", orderId);
        }
        try {
            if (!transitions.apply(order.id, order.status, trigger, reason, detail, Instant.now())) {
                // Another step won the race since we read the order: report the status it is in now.
                throw new IllegalTransitionException(transitions.lockedStatus(order.id), trigger);
            }
        } catch (IllegalTransitionException e) {
            throw ProblemException.conflict(e.getMessage(), Map.of("currentState", e.current().name()));
        }
        return order;
    }
}
