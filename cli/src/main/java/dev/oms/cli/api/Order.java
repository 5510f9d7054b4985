package dev.oms.cli.api;

import dev.oms.events.Money;

import java.time.Instant;
import java.util.List;

/** An order as order-service shows it; listings leave out {@code lines} and {@code history}. */
public record Order(String orderId, String externalOrderId, String status, String refundStatus, Customer customer,
                    List<Line> lines, Money total, String lane, String reason, String reasonDetail, Instant createdAt,
                    Instant updatedAt, Instant paidAt, List<Transition> history) {

    public List<Line> lines() {
        return lines == null ? List.of() : lines;
    }

    public List<Transition> history() {
        return history == null ? List.of() : history;
    }

    public record Customer(String customerId, String email, String name) {
    }

    public record Line(String sku, String productName, long quantity, Money unitPrice) {
    }

    public record Transition(String from, String to, Instant at, String reason) {
    }
}
