package dev.oms.notification.domain;

import dev.oms.events.CustomerRef;
import dev.oms.events.FailureReason;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderAccepted;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderDelivered;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRefundStatusChanged;
import dev.oms.events.OrderRejected;
import dev.oms.events.OrderShipped;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RefundFailed;
import dev.oms.events.RefundRequested;
import dev.oms.events.RefundStatus;
import dev.oms.events.RejectionReason;
import dev.oms.events.StockReserved;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which event becomes which notification, with which order status and amounts; and what the snapshot learns. */
class EventMappingTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final CustomerRef ANN = new CustomerRef(CUSTOMER, "ann@example.com", "Ann");
    private static final Money TOTAL = new Money(12_999, "USD");
    private static final Money REFUND = new Money(2_500, "USD");

    @Test
    void eachOrderOutcomeMapsToItsTypeWithTheStatusItMovesTo() {
        assertOrderTrigger(new OrderCompleted(ORDER, ANN, TOTAL, UUID.randomUUID(), Instant.now()),
                NotificationType.ORDER_CONFIRMED, OrderStatus.PAID, null);
        assertOrderTrigger(new OrderRejected(ORDER, CUSTOMER, RejectionReason.OUT_OF_STOCK, "KB-1", TOTAL),
                NotificationType.ORDER_FAILED, OrderStatus.REJECTED, "OUT_OF_STOCK");
        assertOrderTrigger(new OrderFailed(ORDER, CUSTOMER, FailureReason.PAYMENT_DECLINED, "card_declined", TOTAL),
                NotificationType.ORDER_FAILED, OrderStatus.FAILED, "PAYMENT_DECLINED");
        assertOrderTrigger(new OrderCancelled(ORDER, CUSTOMER, TOTAL, "customer asked"),
                NotificationType.ORDER_FAILED, OrderStatus.CANCELLED, "customer asked");
        assertOrderTrigger(new OrderShipped(ORDER, CUSTOMER, TOTAL), NotificationType.ORDER_SHIPPED,
                OrderStatus.SHIPPED, null);
        assertOrderTrigger(new OrderDelivered(ORDER, CUSTOMER, TOTAL), NotificationType.ORDER_DELIVERED,
                OrderStatus.DELIVERED, null);
    }

    @Test
    void refundOutcomesCarryTheRefundAndLeaveTheOrderToTheSnapshot() {
        NotificationTrigger completed = NotificationTrigger.of(
                new RefundCompleted(UUID.randomUUID(), ORDER, CUSTOMER, REFUND)).orElseThrow();
        assertEquals(NotificationType.REFUND_COMPLETED, completed.type());
        assertEquals(REFUND, completed.refundAmount());
        assertNull(completed.orderStatus());
        assertNull(completed.total());
        assertFalse(completed.complete());

        NotificationTrigger failed = NotificationTrigger.of(
                new RefundFailed(UUID.randomUUID(), ORDER, CUSTOMER, REFUND, "card expired")).orElseThrow();
        assertEquals(NotificationType.REFUND_FAILED, failed.type());
        assertEquals("card expired", failed.reason());
        assertFalse(failed.complete());

        NotificationTrigger withOrder = failed.withOrder(OrderStatus.SHIPPED, TOTAL);
        assertTrue(withOrder.complete());
        assertEquals(OrderStatus.SHIPPED, withOrder.orderStatus());
        assertEquals(TOTAL, withOrder.total());
        assertEquals(REFUND, withOrder.refundAmount());
        assertEquals(NotificationType.REFUND_FAILED, withOrder.type());
    }

    @Test
    void eventsNobodyIsNotifiedAboutMapToNothing() {
        List<OmsEvent> silent = List.of(accepted(), new StockReserved(ORDER, List.of()),
                new RefundRequested(UUID.randomUUID(), ORDER, CUSTOMER, REFUND, "broken"),
                new OrderRefundStatusChanged(ORDER, CUSTOMER, RefundStatus.PARTIAL, REFUND));
        for (OmsEvent event : silent) {
            assertTrue(NotificationTrigger.of(event).isEmpty(), event.getClass().getSimpleName());
            assertFalse(NotificationTrigger.concerns(event), event.getClass().getSimpleName());
        }
    }

    @Test
    void theSnapshotLearnsTheCustomerFromAcceptedAndCompletedAndTheStatusFromEveryOutcome() {
        OrderFacts accepted = OrderFacts.of(accepted()).orElseThrow();
        assertEquals(OrderStatus.RECEIVED, accepted.status());
        assertEquals(ANN, accepted.customer());
        assertEquals(TOTAL, accepted.total());

        OrderFacts shipped = OrderFacts.of(new OrderShipped(ORDER, CUSTOMER, TOTAL)).orElseThrow();
        assertEquals(OrderStatus.SHIPPED, shipped.status());
        assertEquals(CUSTOMER, shipped.customerId());
        assertNull(shipped.customer());

        assertEquals(OrderStatus.PAID, OrderFacts.of(new OrderCompleted(ORDER, ANN, TOTAL, UUID.randomUUID(),
                Instant.now())).orElseThrow().status());
        assertTrue(OrderFacts.of(new StockReserved(ORDER, List.of())).isEmpty());
        assertTrue(OrderFacts.of(new RefundCompleted(UUID.randomUUID(), ORDER, CUSTOMER, REFUND)).isEmpty());
    }

    @Test
    void onlyPaidShippedAndDeliveredOrdersCountAsPaid() {
        for (OrderStatus status : OrderStatus.values()) {
            boolean paid = status == OrderStatus.PAID || status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED;
            assertEquals(paid, status.paid(), status.name());
        }
    }

    @Test
    void typesAndChannelsHaveTheKeysOfTheirConfigurationAndTemplates() {
        assertEquals("order-confirmed", NotificationType.ORDER_CONFIRMED.key());
        assertEquals("refund-failed", NotificationType.REFUND_FAILED.key());
        assertEquals("webhook", Channel.WEBHOOK.key());
    }

    private static OrderAccepted accepted() {
        return new OrderAccepted(ORDER, "shop-1", Lane.BULK, ANN,
                List.of(new OrderLine("KB-1", "Keyboard", 1, TOTAL)), TOTAL, Instant.now());
    }

    private static void assertOrderTrigger(OmsEvent event, NotificationType type, OrderStatus status, String reason) {
        NotificationTrigger trigger = NotificationTrigger.of(event).orElseThrow();
        String name = event.getClass().getSimpleName();
        assertEquals(type, trigger.type(), name);
        assertEquals(status, trigger.orderStatus(), name);
        assertEquals(ORDER, trigger.orderId(), name);
        assertEquals(CUSTOMER, trigger.customerId(), name);
        assertEquals(TOTAL, trigger.total(), name);
        assertNull(trigger.refundAmount(), name);
        assertEquals(reason, trigger.reason(), name);
        assertTrue(trigger.complete(), name);
        assertTrue(NotificationTrigger.concerns(event), name);
    }
}
