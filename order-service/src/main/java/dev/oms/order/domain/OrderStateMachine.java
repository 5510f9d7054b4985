package dev.oms.order.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static dev.oms.order.domain.OrderStatus.CANCELLED;
import static dev.oms.order.domain.OrderStatus.DELIVERED;
import static dev.oms.order.domain.OrderStatus.FAILED;
import static dev.oms.order.domain.OrderStatus.PAID;
import static dev.oms.order.domain.OrderStatus.PAYMENT_PENDING;
import static dev.oms.order.domain.OrderStatus.RECEIVED;
import static dev.oms.order.domain.OrderStatus.REJECTED;
import static dev.oms.order.domain.OrderStatus.SHIPPED;
import static dev.oms.order.domain.OrderStatus.STOCK_RESERVED;

/** The saga's one transition table (design §5). Anything not listed is refused. */
public final class OrderStateMachine {

    private static final Map<OrderStatus, Map<OrderTrigger, OrderStatus>> TABLE = new EnumMap<>(OrderStatus.class);

    static {
        allow(RECEIVED, OrderTrigger.RESERVE_STOCK, STOCK_RESERVED);
        allow(RECEIVED, OrderTrigger.REJECT, REJECTED);
        allow(RECEIVED, OrderTrigger.CANCEL, CANCELLED);
        allow(STOCK_RESERVED, OrderTrigger.REQUEST_PAYMENT, PAYMENT_PENDING);
        allow(STOCK_RESERVED, OrderTrigger.CANCEL, CANCELLED);
        allow(PAYMENT_PENDING, OrderTrigger.PAYMENT_AUTHORIZED, PAID);
        allow(PAYMENT_PENDING, OrderTrigger.PAYMENT_DECLINED, FAILED);
        allow(PAYMENT_PENDING, OrderTrigger.PAYMENT_TIMED_OUT, FAILED);
        allow(PAYMENT_PENDING, OrderTrigger.CANCEL, CANCELLED);
        allow(PAID, OrderTrigger.SHIP, SHIPPED);
        allow(SHIPPED, OrderTrigger.DELIVER, DELIVERED);
    }

    private OrderStateMachine() {
    }

    private static void allow(OrderStatus from, OrderTrigger trigger, OrderStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(OrderTrigger.class)).put(trigger, to);
    }

    public static Optional<OrderStatus> next(OrderStatus from, OrderTrigger trigger) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(trigger));
    }

    /** The status {@code trigger} leads to from {@code from}, or {@link IllegalTransitionException}. */
    public static OrderStatus require(OrderStatus from, OrderTrigger trigger) {
        return next(from, trigger).orElseThrow(() -> new IllegalTransitionException(from, trigger));
    }

    /** Whether stock reserved for the order must be released when entering {@code to}. */
    public static boolean releasesStock(OrderStatus from, OrderStatus to) {
        return (to == FAILED || to == CANCELLED) && (from == STOCK_RESERVED || from == PAYMENT_PENDING);
    }
}
