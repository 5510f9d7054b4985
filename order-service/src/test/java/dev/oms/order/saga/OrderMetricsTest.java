package dev.oms.order.saga;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.Lane;
import dev.oms.events.PaymentAuthorized;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.PrometheusScrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static dev.oms.order.saga.OrderTestSupport.KAFKA;
import static dev.oms.order.saga.OrderTestSupport.WAIT;
import static dev.oms.order.saga.OrderTestSupport.awaitPaymentRequest;
import static dev.oms.order.saga.OrderTestSupport.awaitStatus;
import static dev.oms.order.saga.OrderTestSupport.newProduct;
import static dev.oms.order.saga.OrderTestSupport.placeOrder;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator sees on /q/metrics while an order runs its saga. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class OrderMetricsTest {

    private static final String PAID = "to=\"PAID\"";

    @Test
    void aPaidOrderShowsInTransitionsSagaStepsOutboxAndConsumerLag() {
        PrometheusScrape before = PrometheusScrape.now();
        String sku = newProduct(500, 5);
        UUID orderId = placeOrder(sku, 1);
        AuthorizePayment command = awaitPaymentRequest(orderId, Lane.INTERACTIVE);
        KAFKA.publish("payment-service", new PaymentAuthorized(command.paymentId(), orderId, command.amount(), Instant.now()));
        awaitStatus(orderId, "PAID");

        await().atMost(WAIT).untilAsserted(() -> {
            PrometheusScrape after = PrometheusScrape.now();
            assertEquals(1, delta(before, after, "oms_orders_transitions_total", "from=\"NEW\"", "to=\"RECEIVED\""), 0.0);
            assertEquals(1, delta(before, after, "oms_orders_transitions_total", "from=\"PAYMENT_PENDING\"", PAID), 0.0);
            assertEquals(1, delta(before, after, "oms_saga_step_seconds_count", "step=\"reserve\"", "outcome=\"reserved\""), 0.0);
            assertEquals(1, delta(before, after, "oms_saga_step_seconds_count", "step=\"payment\"", "outcome=\"authorized\""), 0.0);
            // AuthorizePayment and OrderCompleted at least, each acknowledged by Kafka with its lag measured.
            assertTrue(delta(before, after, "oms_outbox_published_total") >= 2);
            assertTrue(delta(before, after, "oms_outbox_publish_lag_seconds_count") >= 2);
            assertTrue(after.has("oms_outbox_backlog"), "outbox backlog gauge");
            assertTrue(after.has("oms_outbox_oldest_pending_age_seconds"), "oldest pending age gauge");
            assertTrue(after.has("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag from the Kafka binder");
        });
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
