package dev.oms.order.saga;

import dev.oms.events.Ids;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.order.saga.OrderTestSupport.KAFKA;
import static dev.oms.order.saga.OrderTestSupport.awaitStatus;
import static dev.oms.order.saga.OrderTestSupport.newProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * {@code Idempotency-Key} on {@code POST /orders} as the design has it: 409 while the first request with the key
 * is still being processed, a claim abandoned by a dead process taken over, and a refused request giving its key back.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class IdempotencyKeyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aKeyWhoseFirstRequestIsStillRunningAnswers409AndAnAbandonedOneIsTakenOver() throws SQLException {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = order(newProduct(700, 10), 1, null);
        String first = asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(202).extract().path("orderId");

        // As if the first request had claimed the key and not committed its order yet.
        setClaim(key, Instant.now());
        asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"));

        // As if the process holding the claim had died three minutes ago: the next request does the work.
        setClaim(key, Instant.now().minus(Duration.ofMinutes(3)));
        asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(202).body("replayed", equalTo(false))
                .body("orderId", not(equalTo(first)));
    }

    @Test
    void oneKeySentFiveTimesAtOncePlacesOneOrder() throws Exception {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = order(newProduct(700, 10), 1, null);
        ExecutorService clients = Executors.newFixedThreadPool(5);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(clients.submit(() -> asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(body).post("/orders").then().extract().response()));
            }
            Set<String> orderIds = new HashSet<>();
            for (Future<Response> answer : answers) {
                int status = answer.get().statusCode();
                assertTrue(status == 202 || status == 409, "answered " + status + ": " + answer.get().asString());
                if (status == 202) {
                    orderIds.add(answer.get().path("orderId"));
                }
            }
            assertEquals(1, orderIds.size(), "every 202 names the one order: " + orderIds);
            String orderId = orderIds.iterator().next();
            awaitStatus(UUID.fromString(orderId), "PAYMENT_PENDING");
            assertEquals(1, KAFKA.events(Topics.ORDER_REQUESTS_INTERACTIVE).stream()
                    .filter(e -> e.data().orderId().toString().equals(orderId)).count());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRefusedRequestGivesItsKeyBack() {
        String sku = newProduct(700, 10);
        String externalId = "IDEM-" + UUID.randomUUID();
        asStaff().contentType(ContentType.JSON).body(order(sku, 1, externalId)).post("/orders").then().statusCode(202);
        awaitStatus(Ids.orderId(externalId), "PAYMENT_PENDING");

        String key = "key-" + UUID.randomUUID();
        asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key).body(order(sku, 1, externalId))
                .post("/orders").then().statusCode(409).body("field", equalTo("externalOrderId"));
        // Not 422: the refused request left nothing behind under its key.
        asStaff().contentType(ContentType.JSON).header("Idempotency-Key", key).body(order(sku, 2, null))
                .post("/orders").then().statusCode(202).body("replayed", equalTo(false));
    }

    private static Map<String, Object> order(String sku, int quantity, String externalOrderId) {
        Map<String, Object> customer = Map.of("email", "idem@example.com", "name", "Idem");
        List<Map<String, Object>> lines = List.of(Map.of("sku", sku, "quantity", quantity));
        return externalOrderId == null ? Map.of("customer", customer, "lines", lines)
                : Map.of("externalOrderId", externalOrderId, "customer", customer, "lines", lines);
    }

    private void setClaim(String key, Instant claimedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE idempotency_key SET resource_id = NULL, created_at = ? WHERE scope = 'orders' AND idem_key = ?")) {
            update.setTimestamp(1, Timestamp.from(claimedAt));
            update.setString(2, key);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no claim for key " + key);
            }
        }
    }
}
