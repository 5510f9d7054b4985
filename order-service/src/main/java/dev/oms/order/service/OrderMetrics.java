package dev.oms.order.service;

import dev.oms.order.domain.OrderStatus;
import dev.oms.platform.metrics.CommittedMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Orders on {@code /q/metrics}: transitions by from/to status, and how long the saga's steps take. */
@ApplicationScoped
public class OrderMetrics {

    private final CommittedMeters meters;

    public OrderMetrics(CommittedMeters meters) {
        this.meters = meters;
    }

    /** {@code from} is null for a new order. */
    void transition(OrderStatus from, OrderStatus to) {
        meters.increment(Counter.builder("oms.orders.transitions").description("Order status transitions")
                .tag("from", from == null ? "NEW" : from.name()).tag("to", to.name()));
    }

    /**
     * One saga step: {@code reserve} (pricing and stock, until PAYMENT_PENDING or REJECTED) or {@code payment} (from
     * PAYMENT_PENDING to the payment's answer or timeout), with its outcome.
     */
    void step(String step, String outcome, Duration took) {
        meters.record(Timer.builder("oms.saga.step").description("Duration of a saga step")
                .tag("step", step).tag("outcome", outcome), took);
    }
}
