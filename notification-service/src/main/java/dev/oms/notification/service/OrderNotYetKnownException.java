package dev.oms.notification.service;

import java.util.UUID;

/**
 * A refund event for an order whose events have not been applied yet (the two topics are read independently).
 * Thrown so the consumer retries the record in place: refunds are only granted for orders order-service announced,
 * and {@code oms.order-events} is kept forever and read from its start, so the order's events do arrive.
 */
public class OrderNotYetKnownException extends RuntimeException {

    public OrderNotYetKnownException(UUID orderId) {
        super("order " + orderId + " is not known yet from oms.order-events; retrying until its events are applied");
    }
}
