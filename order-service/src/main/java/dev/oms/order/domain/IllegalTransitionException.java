package dev.oms.order.domain;

/** A trigger that the transition table does not allow in the order's current status. */
public class IllegalTransitionException extends RuntimeException {

    private final OrderStatus current;
    private final OrderTrigger trigger;

    public IllegalTransitionException(OrderStatus current, OrderTrigger trigger) {
        super("cannot " + trigger.name().toLowerCase().replace('_', ' ') + " an order in status " + current);
        this.current = current;
        this.trigger = trigger;
    }

    public OrderStatus current() {
        return current;
    }

    public OrderTrigger trigger() {
        return trigger;
    }
}
