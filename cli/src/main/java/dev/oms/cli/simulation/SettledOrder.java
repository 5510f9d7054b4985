package dev.oms.cli.simulation;

import dev.oms.cli.demo.GeneratedOrder;

import java.time.Instant;

/**
 * A generated order with the end order-service reports for it: its status, when it was paid (null unless it was)
 * and its last change, which for an order that ended without payment is when it ended.
 */
public record SettledOrder(GeneratedOrder generated, String status, long reportedTotalMinor, Instant paidAt,
                           Instant updatedAt) {

    public boolean isPaid() {
        return "PAID".equals(status) || "SHIPPED".equals(status) || "DELIVERED".equals(status);
    }
}
