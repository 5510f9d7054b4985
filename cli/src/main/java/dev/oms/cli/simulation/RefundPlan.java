package dev.oms.cli.simulation;

import dev.oms.cli.demo.GeneratedOrder;

/** A refund to request: all of a paid order's total, or a part of it, under its own Idempotency-Key. */
public record RefundPlan(GeneratedOrder order, long amountMinor, String idempotencyKey) {

    public boolean isFull() {
        return amountMinor == order.totalMinor();
    }
}
