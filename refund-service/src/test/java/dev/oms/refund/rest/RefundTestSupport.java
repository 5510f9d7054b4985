package dev.oms.refund.rest;

import dev.oms.events.CustomerRef;
import dev.oms.events.Ids;
import dev.oms.events.Money;
import dev.oms.events.OrderCompleted;
import dev.oms.infra.testing.KafkaTestClient;
import dev.oms.refund.domain.RefundableOrder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.awaitility.Awaitility.await;

/** Paid orders as order-service announces them, and refund requests as support sends them. */
final class RefundTestSupport {

    static final KafkaTestClient KAFKA = KafkaTestClient.shared();
    static final Duration WAIT = Duration.ofSeconds(30);

    private RefundTestSupport() {
    }

    /** An order order-service announced as PAID with {@code capturedMinor}, once refund-service has seen it. */
    static UUID paidOrder(long capturedMinor) {
        UUID orderId = UUID.randomUUID();
        KAFKA.publish("order-service", completed(orderId, capturedMinor));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> RefundableOrder.findById(orderId) != null));
        return orderId;
    }

    /** The OrderCompleted order-service publishes for {@code orderId}; each call a new payment and event. */
    static OrderCompleted completed(UUID orderId, long capturedMinor) {
        String email = "refund-" + orderId + "@example.com";
        return new OrderCompleted(orderId, new CustomerRef(Ids.customerId(email), email, "Rae"),
                new Money(capturedMinor, "USD"), UUID.randomUUID(), Instant.now());
    }

    static Response refund(UUID orderId, String key, Map<String, Object> body) {
        return asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders/{id}/refunds", orderId).then().extract().response();
    }
}
