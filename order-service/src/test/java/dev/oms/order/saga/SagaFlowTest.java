package dev.oms.order.saga;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRejected;
import dev.oms.events.OrderRequested;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.order.saga.OrderTestSupport.WAIT;
import static dev.oms.order.saga.OrderTestSupport.awaitPaymentRequest;
import static dev.oms.order.saga.OrderTestSupport.awaitStatus;
import static dev.oms.order.saga.OrderTestSupport.newProduct;
import static dev.oms.order.saga.OrderTestSupport.placeOrder;
import static dev.oms.order.saga.OrderTestSupport.request;
import static dev.oms.order.saga.OrderTestSupport.requestOrder;
import static dev.oms.order.saga.OrderTestSupport.stockIs;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The saga driven through real Kafka records and observed through the API and the published events. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class SagaFlowTest {

    private static final KafkaTestClient kafka = OrderTestSupport.KAFKA;

    @Test
    void paidOrderSellsItsReservedStockAndPublishesOrderCompleted() {
        String sku = newProduct(1999, 10);
        UUID orderId = requestOrder(List.of(new OrderLine(sku, null, 3, null)));

        EventEnvelope authorize = kafka.await(Topics.PAYMENT_COMMANDS, AuthorizePayment.class,
                c -> c.orderId().equals(orderId), WAIT);
        AuthorizePayment command = (AuthorizePayment) authorize.data();
        assertEquals(new Money(5997, "USD"), command.amount());
        awaitStatus(orderId, "PAYMENT_PENDING");
        stockIs(sku, 10, 3);

        kafka.publish("payment-service", new PaymentAuthorized(command.paymentId(), orderId, command.amount(), Instant.now()));

        awaitStatus(orderId, "PAID");
        stockIs(sku, 7, 0);
        OrderCompleted completed = (OrderCompleted) kafka.await(Topics.ORDER_EVENTS, OrderCompleted.class,
                e -> e.orderId().equals(orderId), WAIT).data();
        assertEquals(5997, completed.total().amountMinor());
        asStaff().get("/orders/{id}", orderId).then().statusCode(200)
                .body("history.to", equalTo(List.of("RECEIVED", "STOCK_RESERVED", "PAYMENT_PENDING", "PAID")));
    }

    @Test
    void declinedPaymentFailsTheOrderAndReleasesItsStock() {
        String sku = newProduct(500, 5);
        UUID orderId = requestOrder(List.of(new OrderLine(sku, null, 2, null)));
        AuthorizePayment command = (AuthorizePayment) kafka.await(Topics.PAYMENT_COMMANDS, AuthorizePayment.class,
                c -> c.orderId().equals(orderId), WAIT).data();
        stockIs(sku, 5, 2);

        kafka.publish("payment-service", new PaymentDeclined(command.paymentId(), orderId, command.amount(), "card_declined"));

        awaitStatus(orderId, "FAILED");
        stockIs(sku, 5, 0);
        asStaff().get("/orders/{id}", orderId).then().body("reason", equalTo("PAYMENT_DECLINED"));
        kafka.await(Topics.ORDER_EVENTS, OrderFailed.class, e -> e.orderId().equals(orderId), WAIT);
    }

    @Test
    void orderForMoreThanAvailableIsRejectedOutOfStockAndReservesNothing() {
        String sku = newProduct(100, 1);
        UUID orderId = requestOrder(List.of(new OrderLine(sku, null, 2, null)));

        awaitStatus(orderId, "REJECTED");
        asStaff().get("/orders/{id}", orderId).then().body("reason", equalTo("OUT_OF_STOCK"));
        stockIs(sku, 1, 0);
        OrderRejected rejected = (OrderRejected) kafka.await(Topics.ORDER_EVENTS, OrderRejected.class,
                e -> e.orderId().equals(orderId), WAIT).data();
        assertEquals("OUT_OF_STOCK", rejected.reason().name());
    }

    @Test
    void ordersRacingInBothLanesForScarceStockNeverTakeMoreThanIsOnHand() {
        String sku = newProduct(100, 25);
        List<OrderLine> oneUnit = List.of(new OrderLine(sku, null, 1, null));
        List<UUID> bulk = IntStream.range(0, 60).mapToObj(i -> requestOrder(oneUnit)).toList();
        List<UUID> interactive = IntStream.range(0, 20).parallel().mapToObj(i -> placeOrder(sku, 1)).toList();
        List<UUID> all = Stream.concat(bulk.stream(), interactive.stream()).toList();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertEquals(Map.of("PAYMENT_PENDING", 25L, "REJECTED", 55L), statusesOf(all)));
        stockIs(sku, 25, 25);

        // The answers are applied in batches too, their sales and releases written at the end of each.
        List<UUID> reserved = all.stream().filter(id -> "PAYMENT_PENDING".equals(statusOf(id))).toList();
        for (int i = 0; i < reserved.size(); i++) {
            UUID orderId = reserved.get(i);
            AuthorizePayment payment = awaitPaymentRequest(orderId, bulk.contains(orderId) ? Lane.BULK : Lane.INTERACTIVE);
            kafka.publish("payment-service", i < 15
                    ? new PaymentAuthorized(payment.paymentId(), orderId, payment.amount(), Instant.now())
                    : new PaymentDeclined(payment.paymentId(), orderId, payment.amount(), "card declined"));
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertEquals(Map.of("PAID", 15L, "FAILED", 10L, "REJECTED", 55L), statusesOf(all)));
        stockIs(sku, 10, 0);
    }

    private static Map<String, Long> statusesOf(List<UUID> orderIds) {
        return orderIds.stream().map(SagaFlowTest::statusOf).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()));
    }

    private static String statusOf(UUID orderId) {
        var response = asStaff().get("/orders/{id}", orderId);
        return response.statusCode() == 200 ? response.path("status") : null;
    }

    @Test
    void orderForAnUnknownProductIsRejectedAndKept() {
        UUID orderId = requestOrder(List.of(new OrderLine("NO-SUCH-" + UUID.randomUUID(), null, 1, new Money(100, "USD"))));
        awaitStatus(orderId, "REJECTED");
        asStaff().get("/orders/{id}", orderId).then().body("reason", equalTo("UNKNOWN_PRODUCT"));
    }

    @Test
    void redeliveredRequestAndRepeatedOrderIdCreateNothingNew() {
        String sku = newProduct(250, 10);
        String external = "EXT-" + UUID.randomUUID();
        UUID orderId = Ids.orderId(external);
        OrderRequested request = request(orderId, external, List.of(new OrderLine(sku, null, 1, null)));
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), "test", Instant.now(), request);
        kafka.publish(envelope);
        awaitStatus(orderId, "PAYMENT_PENDING");

        byte[] sameBytes = EventCodec.encode(envelope);
        kafka.publishRaw(Topics.ORDER_REQUESTS_BULK, envelope.key(), sameBytes);
        kafka.publish("test", request);
        // A later order on the same partition (same key) proves both earlier records were consumed before we look.
        String markerExternal = "EXT-" + UUID.randomUUID();
        UUID marker = Ids.orderId(markerExternal);
        EventEnvelope markerEnvelope = EventEnvelope.of(UUID.randomUUID(), "test", Instant.now(),
                request(marker, markerExternal, List.of(new OrderLine(sku, null, 1, null))));
        kafka.publishRaw(Topics.ORDER_REQUESTS_BULK, envelope.key(), EventCodec.encode(markerEnvelope));
        awaitStatus(marker, "PAYMENT_PENDING");
        // The relay publishes in outbox order: once the marker's command is out, any duplicate's would be too.
        kafka.await(Topics.PAYMENT_COMMANDS, AuthorizePayment.class, c -> c.orderId().equals(marker), WAIT);

        stockIs(sku, 10, 2);
        assertEquals(1, kafka.events(Topics.PAYMENT_COMMANDS).stream()
                .filter(e -> e.data() instanceof AuthorizePayment a && a.orderId().equals(orderId)).count());
    }

    @Test
    void unknownOrderAndBadReportRangeAnswerProblemJson() {
        asStaff().get("/orders/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        asStaff().get("/reports/paid-daily?from=2026-01-01").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("to"))
                .body("title", equalTo("Invalid request")).body("$", not(hasKey("extensions")));
        asStaff().get("/orders?size=500").then().statusCode(400).contentType("application/problem+json");
        asStaff().get("/orders?status=SHIPPING").then().statusCode(400).body("field", equalTo("status"));
        asStaff().contentType(ContentType.JSON).body("{\"products\":[{\"sku\":\"bad sku\",\"name\":\"x\",\"unitPriceMinor\":1,\"onHand\":1}]}")
                .post("/products/bulk").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theTraceOfARequestContinuesOnTheEventsAndCommandsItCauses() {
        String sku = newProduct(400, 5);
        String external = "TRACE-" + UUID.randomUUID();
        UUID orderId = Ids.orderId(external);
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        EventEnvelope requested = EventEnvelope.of(UUID.randomUUID(), "import-service", Instant.now(),
                request(orderId, external, List.of(new OrderLine(sku, null, 1, null))));

        kafka.publish(requested, Map.of("traceparent", traceparent));

        // Same trace; the parent is now order-service's span that applied the request.
        String traceId = traceparent.split("-")[1];
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> events = traceparentsOf(orderId, Topics.ORDER_EVENTS);
            assertEquals(List.of(traceId, traceId), events.stream().map(t -> t.split("-")[1]).toList(),
                    "OrderAccepted and StockReserved carry the request's trace");
            assertEquals(List.of(traceId), traceparentsOf(orderId, Topics.PAYMENT_COMMANDS).stream()
                    .map(t -> t.split("-")[1]).toList());
            assertNotEquals(traceparent.split("-")[2], events.get(0).split("-")[2], "a span of order-service's own");
        });
    }

    private static List<String> traceparentsOf(UUID orderId, String topic) {
        return kafka.readAll(topic).stream()
                .filter(record -> record.key().equals(orderId.toString()))
                .map(record -> record.headers().lastHeader("traceparent"))
                .map(header -> header == null ? "none-none-none" : new String(header.value(), StandardCharsets.US_ASCII))
                .toList();
    }
}
