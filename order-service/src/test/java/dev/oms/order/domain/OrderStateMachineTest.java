package dev.oms.order.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderStateMachineTest {

    /** The design's saga table, written out independently of the implementation. */
    private static final Map<OrderStatus, Map<OrderTrigger, OrderStatus>> EXPECTED = new EnumMap<>(OrderStatus.class);

    static {
        expect(OrderStatus.RECEIVED, OrderTrigger.RESERVE_STOCK, OrderStatus.STOCK_RESERVED);
        expect(OrderStatus.RECEIVED, OrderTrigger.REJECT, OrderStatus.REJECTED);
        expect(OrderStatus.RECEIVED, OrderTrigger.CANCEL, OrderStatus.CANCELLED);
        expect(OrderStatus.STOCK_RESERVED, OrderTrigger.REQUEST_PAYMENT, OrderStatus.PAYMENT_PENDING);
        expect(OrderStatus.STOCK_RESERVED, OrderTrigger.CANCEL, OrderStatus.CANCELLED);
        expect(OrderStatus.PAYMENT_PENDING, OrderTrigger.PAYMENT_AUTHORIZED, OrderStatus.PAID);
        expect(OrderStatus.PAYMENT_PENDING, OrderTrigger.PAYMENT_DECLINED, OrderStatus.FAILED);
        expect(OrderStatus.PAYMENT_PENDING, OrderTrigger.PAYMENT_TIMED_OUT, OrderStatus.FAILED);
        expect(OrderStatus.PAYMENT_PENDING, OrderTrigger.CANCEL, OrderStatus.CANCELLED);
        expect(OrderStatus.PAID, OrderTrigger.SHIP, OrderStatus.SHIPPED);
        expect(OrderStatus.SHIPPED, OrderTrigger.DELIVER, OrderStatus.DELIVERED);
    }

    private static void expect(OrderStatus from, OrderTrigger trigger, OrderStatus to) {
        EXPECTED.computeIfAbsent(from, s -> new EnumMap<>(OrderTrigger.class)).put(trigger, to);
    }

    @Test
    void everyStatusAndTriggerPairIsAllowedOrRefusedAsDesigned() {
        int allowed = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderTrigger trigger : OrderTrigger.values()) {
                OrderStatus expected = EXPECTED.getOrDefault(from, Map.of()).get(trigger);
                if (expected == null) {
                    assertTrue(OrderStateMachine.next(from, trigger).isEmpty(), from + " + " + trigger + " must be refused");
                    IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                            () -> OrderStateMachine.require(from, trigger));
                    assertEquals(from, refused.current());
                } else {
                    assertEquals(expected, OrderStateMachine.require(from, trigger), from + " + " + trigger);
                    allowed++;
                }
            }
        }
        assertEquals(11, allowed);
    }

    @Test
    void terminalStatusesAcceptOnlyFulfilmentSteps() {
        for (OrderTrigger trigger : OrderTrigger.values()) {
            assertTrue(OrderStateMachine.next(OrderStatus.REJECTED, trigger).isEmpty());
            assertTrue(OrderStateMachine.next(OrderStatus.FAILED, trigger).isEmpty());
            assertTrue(OrderStateMachine.next(OrderStatus.CANCELLED, trigger).isEmpty());
            assertTrue(OrderStateMachine.next(OrderStatus.DELIVERED, trigger).isEmpty());
        }
    }

    @Test
    void stockIsReleasedOnlyWhenAReservationIsAbandoned() {
        assertTrue(OrderStateMachine.releasesStock(OrderStatus.PAYMENT_PENDING, OrderStatus.FAILED));
        assertTrue(OrderStateMachine.releasesStock(OrderStatus.STOCK_RESERVED, OrderStatus.CANCELLED));
        assertTrue(OrderStateMachine.releasesStock(OrderStatus.PAYMENT_PENDING, OrderStatus.CANCELLED));
        assertFalse(OrderStateMachine.releasesStock(OrderStatus.RECEIVED, OrderStatus.CANCELLED));
        assertFalse(OrderStateMachine.releasesStock(OrderStatus.PAYMENT_PENDING, OrderStatus.PAID));
    }

    @Test
    void sagaIsFinishedOnceNoStepIsPending() {
        assertFalse(OrderStatus.RECEIVED.sagaFinished());
        assertFalse(OrderStatus.STOCK_RESERVED.sagaFinished());
        assertFalse(OrderStatus.PAYMENT_PENDING.sagaFinished());
        assertTrue(OrderStatus.PAID.sagaFinished());
        assertTrue(OrderStatus.REJECTED.sagaFinished());
        assertTrue(OrderStatus.FAILED.sagaFinished());
        assertTrue(OrderStatus.CANCELLED.sagaFinished());
    }
}
