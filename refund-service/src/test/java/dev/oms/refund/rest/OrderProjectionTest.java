package dev.oms.refund.rest;

import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderDelivered;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import dev.oms.refund.domain.PaidOrderStatus;
import dev.oms.refund.domain.RefundableOrder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.oms.refund.rest.RefundTestSupport.KAFKA;
import static dev.oms.refund.rest.RefundTestSupport.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_refunds"))
class OrderProjectionTest {

    @Test
    void aPaidOrderAnnouncedAgainHoldsUpNothingAndIsNotDeadLettered() {
        UUID orderId = RefundTestSupport.paidOrder(4_200);

        // The order paid once more under a new event id, as when its event is replayed after the inbox record was
        // pruned: not news. The order's next event, behind it on the same partition, still arrives.
        OrderCompleted again = RefundTestSupport.completed(orderId, 4_200);
        KAFKA.publish("order-service", again);
        KAFKA.publish("order-service", new OrderDelivered(orderId, again.customer().customerId(), again.total()));
        await().atMost(WAIT).until(() -> status(orderId) == PaidOrderStatus.DELIVERED);

        assertFalse(KAFKA.events(Topics.dlq(Topics.ORDER_EVENTS)).stream()
                        .anyMatch(event -> event.data() instanceof OrderCompleted dead && dead.orderId().equals(orderId)),
                "the second OrderCompleted was taken as a failure and dead-lettered");
    }

    private static PaidOrderStatus status(UUID orderId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RefundableOrder order = RefundableOrder.findById(orderId);
            return order == null ? null : order.status;
        });
    }
}
