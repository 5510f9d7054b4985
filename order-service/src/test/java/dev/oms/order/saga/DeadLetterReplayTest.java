package dev.oms.order.saga;

import dev.oms.devtokens.DevelopmentTokens;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Ids;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderLine;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.CapturedLogs;
import dev.oms.infra.testing.PrometheusScrape;
import dev.oms.platform.logging.OrderLogContext;
import dev.oms.platform.messaging.DeadLetterQueue;
import dev.oms.platform.ids.Uuids;
import dev.oms.platform.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.order.saga.OrderTestSupport.KAFKA;
import static dev.oms.order.saga.OrderTestSupport.WAIT;
import static dev.oms.order.saga.OrderTestSupport.awaitStatus;
import static dev.oms.order.saga.OrderTestSupport.newProduct;
import static dev.oms.order.saga.OrderTestSupport.request;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Poison records go to the dead-letter topic without blocking their partition, and can be replayed once fixed. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class DeadLetterReplayTest {

    private static final String DLQ = Topics.dlq(Topics.ORDER_REQUESTS_BULK);
    private static final String BULK_REQUESTS = "topic=\"" + Topics.ORDER_REQUESTS_BULK + "\"";
    private static final String ADMIN = DevelopmentTokens.mint("ops@oms.test", List.of(Roles.ADMIN));

    @Test
    void aPoisonRecordIsDeadLetteredWithoutBlockingItsPartitionAndItsCorrectionIsApplied() {
        String sku = newProduct(1250, 10);
        String external = "DLQ-" + UUID.randomUUID();
        UUID orderId = Ids.orderId(external);
        double deadLettered = PrometheusScrape.now().value("oms_dead_letters_total", BULK_REQUESTS);
        // A truncated record: not even JSON. Its key puts it in the partition of its order.
        byte[] truncated = "{\"specversion\":\"1.0\",\"id\":".getBytes(StandardCharsets.UTF_8);
        CapturedLogs logs = CapturedLogs.of(DeadLetterQueue.class);
        RecordMetadata poison = KAFKA.publishRaw(Topics.ORDER_REQUESTS_BULK, orderId.toString(), truncated);

        // A good order behind it in the same partition is applied: the poison does not hold the partition up.
        UUID next = Ids.orderId("DLQ-NEXT-" + UUID.randomUUID());
        EventEnvelope nextRequest = envelope(request(next, "DLQ-NEXT-" + next, List.of(new OrderLine(sku, null, 1, null))));
        KAFKA.publishRaw(Topics.ORDER_REQUESTS_BULK, poison.partition(), next.toString(), EventCodec.encode(nextRequest));
        awaitStatus(next, "PAYMENT_PENDING");

        Map<String, Object> letter = await().atMost(WAIT).until(() -> deadLetterOf(poison), found -> found != null);
        assertEquals("order-saga", letter.get("consumer"));
        assertEquals("order-service", letter.get("service"));
        assertEquals(new String(truncated, StandardCharsets.UTF_8), letter.get("payload"));
        assertNotNull(letter.get("reason"));
        assertEquals(deadLettered + 1, PrometheusScrape.now().value("oms_dead_letters_total", BULK_REQUESTS), 0.0);
        // Its warning names the order in the log context (MDC).
        try (logs) {
            assertTrue(logs.lines().stream().anyMatch(line -> line.message().contains("Dead-lettered")
                    && orderId.toString().equals(line.mdc().get(OrderLogContext.KEY))), logs.lines().toString());
        }
        int partition = ((Number) letter.get("partition")).intValue();
        long offset = ((Number) letter.get("offset")).longValue();
        given().auth().oauth2(ADMIN).get("/admin/dead-letters/{topic}/{partition}/{offset}", DLQ, partition, offset)
                .then().statusCode(200)
                .body("originalOffset", equalTo((int) poison.offset()));

        // An operator corrects the record and replays it: it goes back to its original partition and is applied.
        EventEnvelope corrected = envelope(request(orderId, external, List.of(new OrderLine(sku, null, 2, null))));
        given().auth().oauth2(ADMIN).contentType("application/json").body(EventCodec.encode(corrected))
                .post("/admin/dead-letters/{topic}/{partition}/{offset}/replay", DLQ, partition, offset)
                .then().statusCode(202)
                .body("topic", equalTo(Topics.ORDER_REQUESTS_BULK)).body("partition", equalTo(poison.partition()));
        awaitStatus(orderId, "PAYMENT_PENDING");
        asStaff().get("/orders/{id}", orderId).then().body("lines.quantity", equalTo(List.of(2)));
    }

    @Test
    void badReplaysAreRefusedWithProblemDetails() {
        RecordMetadata poison = KAFKA.publishRaw(Topics.ORDER_REQUESTS_BULK, UUID.randomUUID().toString(),
                "not json".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> letter = await().atMost(WAIT).until(() -> deadLetterOf(poison), found -> found != null);
        int partition = ((Number) letter.get("partition")).intValue();
        long offset = ((Number) letter.get("offset")).longValue();

        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"still\": \"not an event\"}")
                .post("/admin/dead-letters/{topic}/{partition}/{offset}/replay", DLQ, partition, offset)
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(ADMIN)
                .get("/admin/dead-letters/{topic}/{partition}/{offset}", DLQ, partition, 1_000_000_000L)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN)
                .get("/admin/dead-letters/{topic}/{partition}/{offset}", Topics.dlq(Topics.ORDER_EVENTS), 0, 0)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).queryParam("limit", 201).get("/admin/dead-letters").then().statusCode(400);
        given().auth().oauth2(ADMIN).get("/admin/dead-letters").then().statusCode(200).body("topics", hasItem(DLQ));
    }

    @Test
    void theDeadLetterApiIsForAdminsOnly() {
        given().get("/admin/dead-letters").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().auth().oauth2(DevelopmentTokens.mint("agent@oms.test", List.of(Roles.SUPPORT, Roles.ANALYST)))
                .post("/admin/dead-letters/{topic}/{partition}/{offset}/replay", DLQ, 0, 0)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        String expired = DevelopmentTokens.mint("ops@oms.test", List.of(Roles.ADMIN),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        given().auth().oauth2(expired).get("/admin/dead-letters").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(withClaimsOf(ADMIN, DevelopmentTokens.mint("agent@oms.test", List.of(Roles.SUPPORT))))
                .get("/admin/dead-letters").then().statusCode(401).contentType("application/problem+json");
    }

    /** {@code signed}'s header and signature around {@code other}'s claims: a token whose signature does not match. */
    private static String withClaimsOf(String signed, String other) {
        String[] parts = signed.split("\\.");
        return parts[0] + "." + other.split("\\.")[1] + "." + parts[2];
    }

    /** The listing's entry for the dead-lettered {@code poison}, or null while it is not there yet. */
    private static Map<String, Object> deadLetterOf(RecordMetadata poison) {
        JsonPath page = given().auth().oauth2(ADMIN).queryParam("topic", DLQ).queryParam("limit", 200)
                .get("/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream()
                .filter(item -> Integer.valueOf(poison.partition()).equals(item.get("originalPartition"))
                        && Long.valueOf(poison.offset()).equals(((Number) item.get("originalOffset")).longValue()))
                .findFirst().orElse(null);
    }

    private static EventEnvelope envelope(OmsEvent event) {
        return EventEnvelope.of(Uuids.timeOrdered(), "import-service", Instant.now(), event);
    }
}
