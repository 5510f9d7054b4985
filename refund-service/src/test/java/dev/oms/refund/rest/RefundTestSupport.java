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
        String email = "refund-" + orderId + "@example.com";
        KAFKA.publish("order-service", new OrderCompleted(orderId, new CustomerRef(Ids.customerId(email), email, "Rae"),
                new Money(capturedMinor, "USD"), UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> RefundableOrder.findById(orderId) != null));
        return orderId;
    }

    static Response refund(UUID orderId, String key, Map<String, Object> body) {
        return asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders/{id}/refunds", orderId).then().extract().response();
    }
}
