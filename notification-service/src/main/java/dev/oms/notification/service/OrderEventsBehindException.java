package dev.oms.notification.service;

import java.util.UUID;

/**
 * A refund event for an order not yet known here as paid: its order events have not been applied yet (the two topics
 * are read independently). Thrown so the consumer retries the record in place until they have: refunds are only
 * granted for orders order-service announced as paid, and {@code oms.order-events} is kept forever and read from its
 * start, so those events do arrive.
 */
public class OrderEventsBehindException extends RuntimeException {

    public OrderEventsBehindException(UUID orderId) {
        super("order " + orderId + " is not known as paid yet from oms.order-events; retrying until its events are "
                + "applied");
    }
}
