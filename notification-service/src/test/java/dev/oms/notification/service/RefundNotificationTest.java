package dev.oms.notification.service;

import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.infra.OmsTestInfra;
import dev.oms.notification.testing.History;
import dev.oms.notification.testing.History.Row;
import dev.oms.notification.testing.NotificationReceivers;
import dev.oms.notification.testing.TestOrder;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refund events carry no order status or total: notifications take them from the snapshot of order events. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_notifications"))
@WithTestResource(NotificationReceivers.class)
class RefundNotificationTest {

    @Test
    void aRefundNotificationReportsTheOrdersStatusAndTotalAsLastKnownAndTheRefund() {
        TestOrder order = new TestOrder();
        order.accepted();
        order.completed();
        EventEnvelope shipped = order.shipped();
        History.awaitOrder(order.orderId, History.ended(4, shipped.id()));

        EventEnvelope refund = order.refundCompleted(2_500);

        List<Row> rows = History.awaitOrder(order.orderId, rs -> rs.stream()
                .filter(row -> row.eventId().equals(refund.id())).count() == 4).stream()
                .filter(row -> row.eventId().equals(refund.id())).toList();
        for (Row row : rows) {
            assertEquals("REFUND_COMPLETED", row.type());
            assertEquals("SHIPPED", row.orderStatus());
            assertEquals(order.total, row.total());
            assertEquals(new Money(2_500, "USD"), row.refundAmount());
            assertEquals(order.customerId, row.customerId());
        }
        Row email = rows.stream().filter(row -> row.channel().equals("email")).findFirst().orElseThrow();
        assertEquals(order.email, email.recipient());
        assertTrue(email.payload().contains("Refunded: USD 25.00"), email.payload());
    }

    @Test
    void aRefundEventAheadOfItsOrdersEventsWaitsForThemInsteadOfLosingTheNotification() {
        TestOrder order = new TestOrder();
        EventEnvelope refundFailed = order.refundFailed(1_000, "card expired");
        order.accepted();
        order.completed();

        List<Row> rows = History.awaitOrder(order.orderId, rs -> rs.stream()
                .filter(row -> row.eventId().equals(refundFailed.id())).count() == 4).stream()
                .filter(row -> row.eventId().equals(refundFailed.id())).toList();
        for (Row row : rows) {
            assertEquals("REFUND_FAILED", row.type());
            assertEquals("PAID", row.orderStatus());
            assertEquals(order.total, row.total());
            assertEquals(new Money(1_000, "USD"), row.refundAmount());
        }
    }
}
