package dev.oms.order.saga;

import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.events.OrderRefundStatusChanged;
import dev.oms.events.RefundCompleted;
import dev.oms.events.RefundFailed;
import dev.oms.events.RefundStatus;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.order.saga.OrderTestSupport.KAFKA;
import static dev.oms.order.saga.OrderTestSupport.WAIT;
import static dev.oms.order.saga.OrderTestSupport.newProduct;
import static dev.oms.order.saga.OrderTestSupport.paidOrder;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Completed refunds (from refund-service, on real Kafka) move an order's refund status NONE → PARTIAL → FULL. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class OrderRefundStatusTest {

    @Test
    void completedRefundsMakeTheOrderPartlyThenFullyRefundedOnceEach() {
        UUID orderId = paidOrder(newProduct(2_500, 5), 2);
        UUID customerId = UUID.fromString(asStaff().get("/orders/{id}", orderId).then().extract()
                .path("customer.customerId"));

        EventEnvelope first = refundEvent(new RefundCompleted(UUID.randomUUID(), orderId, customerId, usd(1_000)));
        KAFKA.publish(first);
        KAFKA.publish(first);
        KAFKA.publish("refund-service", new RefundFailed(UUID.randomUUID(), orderId, customerId, usd(4_000), "declined"));
        awaitRefund(orderId, "PARTIAL", 1_000);

        KAFKA.publish("refund-service", new RefundCompleted(UUID.randomUUID(), orderId, customerId, usd(4_000)));
        awaitRefund(orderId, "FULL", 5_000);
        asStaff().get("/orders/{id}", orderId).then().body("status", equalTo("PAID"));

        await().atMost(WAIT).until(() -> statusChangesOf(orderId).size() == 2);
        assertEquals(List.of(new OrderRefundStatusChanged(orderId, customerId, RefundStatus.PARTIAL, usd(1_000)),
                new OrderRefundStatusChanged(orderId, customerId, RefundStatus.FULL, usd(5_000))), statusChangesOf(orderId));
    }

    private static void awaitRefund(UUID orderId, String refundStatus, long refundedMinor) {
        await().atMost(WAIT).untilAsserted(() -> asStaff().get("/orders/{id}", orderId).then().statusCode(200)
                .body("refundStatus", equalTo(refundStatus)).body("refunded.amountMinor", equalTo((int) refundedMinor)));
    }

    private static List<OrderRefundStatusChanged> statusChangesOf(UUID orderId) {
        return KAFKA.events(Topics.ORDER_EVENTS).stream().map(EventEnvelope::data)
                .filter(e -> e instanceof OrderRefundStatusChanged c && c.orderId().equals(orderId))
                .map(OrderRefundStatusChanged.class::cast).toList();
    }

    private static EventEnvelope refundEvent(RefundCompleted refund) {
        return EventEnvelope.of(UUID.randomUUID(), "refund-service", Instant.now(), refund);
    }

    private static Money usd(long amountMinor) {
        return new Money(amountMinor, "USD");
    }
}
