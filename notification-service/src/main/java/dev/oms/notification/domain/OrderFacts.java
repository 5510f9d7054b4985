package dev.oms.notification.domain;

import dev.oms.events.CustomerRef;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderAccepted;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderDelivered;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderRejected;
import dev.oms.events.OrderShipped;

import java.util.Optional;
import java.util.UUID;

/**
 * What an order event says about its order: the status it moves to, the customer and the total. Every such event
 * carries the customer id and the total; only OrderAccepted and OrderCompleted name the customer ({@code customer},
 * else null).
 */
public record OrderFacts(UUID orderId, OrderStatus status, UUID customerId, CustomerRef customer, Money total) {

    /** The facts of an order event, or empty for the events that do not change what notifications report. */
    public static Optional<OrderFacts> of(OmsEvent event) {
        OrderFacts facts = null;
        if (event instanceof OrderAccepted e) {
            facts = new OrderFacts(e.orderId(), OrderStatus.RECEIVED, e.customer().customerId(), e.customer(), e.total());
        } else if (event instanceof OrderRejected e) {
            facts = new OrderFacts(e.orderId(), OrderStatus.REJECTED, e.customerId(), null, e.total());
        } else if (event instanceof OrderCompleted e) {
            facts = new OrderFacts(e.orderId(), OrderStatus.PAID, e.customer().customerId(), e.customer(), e.total());
        } else if (event instanceof OrderFailed e) {
            facts = new OrderFacts(e.orderId(), OrderStatus.FAILED, e.customerId(), null, e.total());
        } else if (event instanceof OrderCancelled e) {
            facts = new OrderFacts(e.orderId(), OrderStatus.CANCELLED, e.customerId(), null, e.total());
        } else if (event instanceof OrderShipped e) {
            facts = new OrderFacts(e.orderId(), OrderStatus.SHIPPED, e.customerId(), null, e.total());
        } else if (event instanceof OrderDelivered e) {
            facts = new OrderFacts(e.orderId(), OrderStatus.DELIVERED, e.customerId(), null, e.total());
        }
        return Optional.ofNullable(facts);
    }
}
