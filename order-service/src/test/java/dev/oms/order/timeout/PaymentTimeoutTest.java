package dev.oms.order.timeout;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.FailureReason;
import dev.oms.events.OrderFailed;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.Topics;
import dev.oms.events.VoidPayment;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With a short payment deadline: an order nobody pays fails, releases its stock, and a late payment is voided. */
@QuarkusTest
@TestProfile(PaymentTimeoutTest.ShortDeadline.class)
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class PaymentTimeoutTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KafkaTestClient KAFKA = KafkaTestClient.shared();

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("oms.orders.payment-timeout", "2s", "oms.orders.payment-timeout-sweep", "200ms");
        }
    }

    @Test
    void unpaidOrderFailsWithPaymentTimeoutReleasesStockAndALatePaymentIsVoided() {
        String sku = "TMO-" + UUID.randomUUID().toString().substring(0, 8);
        asStaff().contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", "Timeout " + sku, "unitPriceMinor", 300, "onHand", 5))
                .post("/products").then().statusCode(201);
        UUID orderId = UUID.fromString(asStaff().contentType(ContentType.JSON)
                .body(Map.of("customer", Map.of("email", "slow-" + UUID.randomUUID() + "@example.com", "name", "Slow Payer"),
                        "lines", List.of(Map.of("sku", sku, "quantity", 2))))
                .post("/orders").then().statusCode(202).extract().path("orderId"));
        AuthorizePayment payment = (AuthorizePayment) KAFKA.await(Topics.PAYMENT_COMMANDS_INTERACTIVE, AuthorizePayment.class,
                c -> c.orderId().equals(orderId), WAIT).data();

        await().atMost(WAIT).untilAsserted(() -> asStaff().get("/orders/{id}", orderId).then()
                .body("status", equalTo("FAILED")).body("reason", equalTo("PAYMENT_TIMEOUT")));
        asStaff().get("/products/{sku}", sku).then().body("onHand", equalTo(5)).body("reserved", equalTo(0));
        OrderFailed failed = (OrderFailed) KAFKA.await(Topics.ORDER_EVENTS, OrderFailed.class,
                e -> e.orderId().equals(orderId), WAIT).data();
        assertEquals(FailureReason.PAYMENT_TIMEOUT, failed.reason());

        // The sale may still be under way at the deadline: the timeout asks payment-service to void it.
        KAFKA.await(Topics.PAYMENT_COMMANDS_INTERACTIVE, VoidPayment.class, c -> c.paymentId().equals(payment.paymentId()), WAIT);
        // An authorization that still arrives is voided too.
        KAFKA.publish("payment-service", new PaymentAuthorized(payment.paymentId(), orderId, payment.amount(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(2, KAFKA.events(Topics.PAYMENT_COMMANDS_INTERACTIVE).stream()
                .filter(e -> e.data() instanceof VoidPayment v && v.paymentId().equals(payment.paymentId())).count()));
        asStaff().get("/orders/{id}", orderId).then().body("status", equalTo("FAILED"));
        asStaff().get("/products/{sku}", sku).then().body("onHand", equalTo(5)).body("reserved", equalTo(0));
    }
}
