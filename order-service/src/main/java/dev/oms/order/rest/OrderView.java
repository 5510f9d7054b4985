package dev.oms.order.rest;

import dev.oms.events.CustomerRef;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.RefundStatus;
import dev.oms.order.domain.Order;
import dev.oms.order.domain.OrderHistoryEntry;
import dev.oms.order.domain.OrderStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it; listings leave out lines and history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(UUID orderId, String externalOrderId, OrderStatus status, RefundStatus refundStatus,
                        CustomerRef customer, Lane lane, Money total, Money refunded, String reason, String reasonDetail,
                        UUID paymentId, Instant orderedAt, Instant createdAt, Instant updatedAt, Instant paidAt,
                        List<OrderLine> lines, List<HistoryView> history) {

    public record HistoryView(OrderStatus from, OrderStatus to, Instant at, String reason) {
    }

    static OrderView summary(Order order) {
        return of(order, null, null);
    }

    static OrderView detail(Order order, List<OrderHistoryEntry> history) {
        List<OrderLine> lines = order.lines.stream()
                .map(l -> new OrderLine(l.sku, l.productName, l.quantity,
                        l.unitPriceMinor == null ? null : new Money(l.unitPriceMinor, order.currency)))
                .toList();
        List<HistoryView> steps = history.stream().map(h -> new HistoryView(h.fromStatus, h.toStatus, h.at, h.reason)).toList();
        return of(order, lines, steps);
    }

    private static OrderView of(Order order, List<OrderLine> lines, List<HistoryView> history) {
        return new OrderView(order.id, order.externalOrderId, order.status, order.refundStatus,
                new CustomerRef(order.customerId, order.customerEmail, order.customerName), order.lane,
                new Money(order.totalMinor, order.currency),
                new Money(order.refundedMinor, order.currency), order.reason, order.reasonDetail, order.paymentId,
                order.orderedAt, order.createdAt, order.updatedAt, order.paidAt, lines, history);
    }
}
