package dev.oms.refund.rest;

import dev.oms.events.Money;
import dev.oms.events.RefundRequested;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

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
import static dev.oms.refund.rest.RefundTestSupport.KAFKA;
import static dev.oms.refund.rest.RefundTestSupport.WAIT;
import static dev.oms.refund.rest.RefundTestSupport.paidOrder;
import static dev.oms.refund.rest.RefundTestSupport.refund;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refund requests against paid orders learnt from {@code oms.order-events} (real Kafka and MariaDB): amounts
 * enforced under concurrency, Idempotency-Key semantics, and the RefundRequested event.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_refunds"))
class RefundRequestTest {

    @Test
    void twentyConcurrentRequestsNeverRefundMoreThanWasCaptured() throws Exception {
        UUID orderId = paidOrder(15_000);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "key-" + i;
                answers.add(clients.submit(() -> refund(orderId, key, Map.of("amountMinor", 1_000, "reason", "damaged"))));
            }
            int granted = 0;
            for (Future<Response> answer : answers) {
                int status = answer.get().statusCode();
                assertTrue(status == 202 || status == 422, "answered " + status + ": " + answer.get().asString());
                if (status == 202) {
                    granted++;
                } else {
                    assertEquals(0, answer.get().jsonPath().getLong("remainingMinor"), answer.get().asString());
                }
            }
            assertEquals(15, granted);
        } finally {
            clients.shutdownNow();
        }
        List<Map<String, Object>> refunds = asStaff().get("/orders/{id}/refunds", orderId).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(15_000, refunds.stream().mapToLong(r -> ((Number) ((Map<?, ?>) r.get("amount")).get("amountMinor"))
                .longValue()).sum());
    }

    @Test
    void oneKeySentFiveTimesMakesOneRefund() throws Exception {
        UUID orderId = paidOrder(5_000);
        ExecutorService clients = Executors.newFixedThreadPool(5);
        Set<String> refundIds = new HashSet<>();
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(clients.submit(() -> refund(orderId, "same-key", Map.of("amountMinor", 1_200, "reason", "late"))));
            }
            for (Future<Response> answer : answers) {
                int status = answer.get().statusCode();
                assertTrue(status == 202 || status == 409, "answered " + status + ": " + answer.get().asString());
                if (status == 202) {
                    refundIds.add(answer.get().path("refundId"));
                }
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(1, refundIds.size(), refundIds.toString());
        // Sent again once the first is done: the same refund.
        refund(orderId, "same-key", Map.of("amountMinor", 1_200, "reason", "late")).then().statusCode(202)
                .body("refundId", equalTo(refundIds.iterator().next()));
        assertEquals(1, asStaff().get("/orders/{id}/refunds", orderId).then().extract().jsonPath().getList("$").size());
    }

    @Test
    void aGrantedRefundIsPendingAnnouncedAndWholeWhenNoAmountIsGiven() {
        UUID orderId = paidOrder(4_321);
        Response granted = refund(orderId, "k-1", Map.of("amountMinor", 321, "reason", "scratched lid"));
        granted.then().statusCode(202).header("Location", endsWith("/refunds/" + granted.path("refundId")))
                .body("status", equalTo("PENDING")).body("amount.amountMinor", equalTo(321))
                .body("amount.currency", equalTo("USD"));
        String refundId = granted.path("refundId");
        asStaff().get("/refunds/{id}", refundId).then().statusCode(200).body("reason", equalTo("scratched lid"));
        await().atMost(WAIT).until(() -> KAFKA.events(Topics.REFUND_EVENTS).stream()
                .anyMatch(e -> e.data() instanceof RefundRequested r && r.refundId().toString().equals(refundId)
                        && r.amount().equals(new Money(321, "USD")) && r.orderId().equals(orderId)));

        refund(orderId, "k-2", Map.of("reason", "the rest")).then().statusCode(202)
                .body("amount.amountMinor", equalTo(4_000));
        refund(orderId, "k-3", Map.of("reason", "more")).then().statusCode(422)
                .contentType("application/problem+json").body("remainingMinor", equalTo(0));
    }

    @Test
    void badRequestsAreRefusedSayingWhy() {
        UUID orderId = paidOrder(1_000);
        asStaff().contentType(ContentType.JSON).body(Map.of("reason", "no key"))
                .post("/orders/{id}/refunds", orderId).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("Idempotency-Key"));
        refund(orderId, "k-over", Map.of("amountMinor", 1_001, "reason", "too much")).then().statusCode(422)
                .body("remainingMinor", equalTo(1_000)).body("currency", equalTo("USD"));
        refund(orderId, "k-zero", Map.of("amountMinor", 0, "reason", "nothing")).then().statusCode(400);
        refund(orderId, "k-blank", Map.of("amountMinor", 10, "reason", " ")).then().statusCode(400);
        refund(orderId, "k-a", Map.of("amountMinor", 10, "reason", "first")).then().statusCode(202);
        refund(orderId, "k-a", Map.of("amountMinor", 20, "reason", "another body")).then().statusCode(422)
                .body("field", equalTo("Idempotency-Key"));
        refund(UUID.randomUUID(), "k-unknown", Map.of("reason", "not paid")).then().statusCode(422)
                .body("remainingMinor", equalTo(0));
        // The refused over-amount request gave its key back: it can be used for a valid request.
        refund(orderId, "k-over", Map.of("amountMinor", 990, "reason", "the rest")).then().statusCode(202);
    }
}
