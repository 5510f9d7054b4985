package dev.oms.order.saga;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderLine;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.KafkaTestClient;
import dev.oms.infra.testing.OutboxProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.order.saga.OrderTestSupport.WAIT;
import static dev.oms.order.saga.OrderTestSupport.awaitStatus;
import static dev.oms.order.saga.OrderTestSupport.newProduct;
import static dev.oms.order.saga.OrderTestSupport.request;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Redelivery (issue 4): every topic {@code SagaConsumers} reads gets the real records it already consumed again,
 * the same bytes (so the same event ids), several times and out of order, after the orders they belong to have
 * settled. All orders of a test are keyed to one partition; a later order on that partition, whose effect we wait
 * for, proves the consumer got past every re-published record before anything is compared. Order, history, stock,
 * the events order-service emitted and its dead-letter queues must all be exactly as before.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_orders"))
class RedeliveryTest {

    private static final KafkaTestClient kafka = OrderTestSupport.KAFKA;
    /** How often each consumed record is published again. */
    private static final int REDELIVERIES = 3;
    /** Where order-service's own records go: its emitted events (requests it publishes itself are counted apart). */
    private static final List<String> EMITTED_TOPICS = List.of(Topics.ORDER_EVENTS, Topics.PAYMENT_COMMANDS,
            Topics.PAYMENT_COMMANDS_INTERACTIVE);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void bulkLaneRequestsAndPaymentEventsRedeliveredOutOfOrderChangeNothing() {
        redeliverAfterTheOrdersSettled(Lane.BULK);
    }

    @Test
    void interactiveLaneRequestsAndPaymentEventsRedeliveredOutOfOrderChangeNothing() {
        redeliverAfterTheOrdersSettled(Lane.INTERACTIVE);
    }

    private void redeliverAfterTheOrdersSettled(Lane lane) {
        String requestTopic = lane == Lane.INTERACTIVE ? Topics.ORDER_REQUESTS_INTERACTIVE : Topics.ORDER_REQUESTS_BULK;
        String paymentTopic = lane == Lane.INTERACTIVE ? Topics.PAYMENT_EVENTS_INTERACTIVE : Topics.PAYMENT_EVENTS;
        int partition = ThreadLocalRandom.current().nextInt(Topics.DEFAULT_PARTITIONS);
        String sku = newProduct(1000, 10);

        // Five orders on one partition, each left in another state of the saga.
        UUID paid = order(lane, partition, sku, 2);
        UUID declined = order(lane, partition, sku, 1);
        UUID rejected = order(lane, partition, sku, 20);
        UUID cancelled = order(lane, partition, sku, 1);
        UUID pending = order(lane, partition, sku, 1);
        List<UUID> orders = List.of(paid, declined, rejected, cancelled, pending);

        AuthorizePayment paidPayment = paymentRequest(lane, paid);
        AuthorizePayment declinedPayment = paymentRequest(lane, declined);
        AuthorizePayment cancelledPayment = paymentRequest(lane, cancelled);
        paymentRequest(lane, pending);
        answer(lane, partition, new PaymentAuthorized(paidPayment.paymentId(), paid, paidPayment.amount(), Instant.now()));
        answer(lane, partition, new PaymentDeclined(declinedPayment.paymentId(), declined, declinedPayment.amount(),
                "card_declined"));
        asStaff().post("/orders/{id}/cancel", cancelled).then().statusCode(200).body("status", equalTo("CANCELLED"));
        // The sale went through all the same: order-service voids the late authorization (a second VoidPayment).
        answer(lane, partition, new PaymentAuthorized(cancelledPayment.paymentId(), cancelled, cancelledPayment.amount(),
                Instant.now()));

        awaitStatus(paid, "PAID");
        awaitStatus(declined, "FAILED");
        awaitStatus(rejected, "REJECTED");
        awaitStatus(pending, "PAYMENT_PENDING");
        Map<UUID, List<String>> expectedTypes = Map.of(
                paid, sorted("OrderAccepted", "StockReserved", "AuthorizePayment", "OrderCompleted"),
                declined, sorted("OrderAccepted", "StockReserved", "AuthorizePayment", "OrderFailed"),
                rejected, sorted("OrderAccepted", "OrderRejected"),
                cancelled, sorted("OrderAccepted", "StockReserved", "AuthorizePayment", "OrderCancelled",
                        "VoidPayment", "VoidPayment"),
                pending, sorted("OrderAccepted", "StockReserved", "AuthorizePayment"));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertEquals(expectedTypes, typesOf(emittedBy(orders))));
        awaitOutboxPublished(orders);

        Snapshot before = snapshot(orders, sku, requestTopic, paymentTopic);
        assertEquals(Map.of("onHand", 8, "reserved", 1, "available", 7),
                Map.of("onHand", before.stock().get("onHand"), "reserved", before.stock().get("reserved"),
                        "available", before.stock().get("available")), "stock after the flows");
        assertEquals(List.of("RECEIVED", "STOCK_RESERVED", "PAYMENT_PENDING", "PAID"), historyOf(before, paid));
        assertEquals(List.of("RECEIVED", "STOCK_RESERVED", "PAYMENT_PENDING", "FAILED"), historyOf(before, declined));
        assertEquals(List.of("RECEIVED", "REJECTED"), historyOf(before, rejected));
        assertEquals(List.of("RECEIVED", "STOCK_RESERVED", "PAYMENT_PENDING", "CANCELLED"), historyOf(before, cancelled));
        assertEquals(List.of("RECEIVED", "STOCK_RESERVED", "PAYMENT_PENDING"), historyOf(before, pending));

        // The records the consumer took: one request per order, and the three payment answers.
        List<ConsumerRecord<String, byte[]>> requests = recordsOf(requestTopic, orders);
        List<ConsumerRecord<String, byte[]>> answers = recordsOf(paymentTopic, orders);
        assertEquals(orders.size(), requests.size(), "one request per order");
        assertEquals(Set.copyOf(orders), requests.stream().map(r -> UUID.fromString(r.key())).collect(Collectors.toSet()));
        assertEquals(List.of(paid, declined, cancelled), answers.stream().map(r -> UUID.fromString(r.key())).toList());
        List<ConsumerRecord<String, byte[]>> consumed = new ArrayList<>(requests);
        consumed.addAll(answers);
        consumed.forEach(r -> assertEquals(partition, r.partition(), "all on one partition: " + r));

        // Again, after everything settled, and out of order: every other round backwards, so e.g. the paid order's
        // PaymentAuthorized comes after the later PaymentDeclined of another order on the same partition, and the
        // requests of settled orders come after their payments.
        for (int round = 0; round < REDELIVERIES; round++) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(consumed);
            if (round % 2 == 0) {
                Collections.reverse(batch);
            }
            for (ConsumerRecord<String, byte[]> record : batch) {
                RecordMetadata sent = kafka.publishRaw(record.topic(), record.key(), record.value());
                assertEquals(partition, sent.partition(), "redelivered to the partition it came from");
            }
        }

        // A later order on the same partition, through both topics: once it is PAID, the consumer of each topic has
        // taken every record redelivered before it (one thread per topic, in offset order).
        String markerSku = newProduct(100, 5);
        UUID marker = order(lane, partition, markerSku, 1);
        AuthorizePayment markerPayment = paymentRequest(lane, marker);
        answer(lane, partition, new PaymentAuthorized(markerPayment.paymentId(), marker, markerPayment.amount(),
                Instant.now()));
        awaitStatus(marker, "PAID");
        assertEquals(partition, recordsOf(requestTopic, List.of(marker)).get(0).partition(), "marker request partition");
        // Whatever the redeliveries caused was committed before the marker was applied; wait until it is on Kafka.
        List<UUID> all = new ArrayList<>(orders);
        all.add(marker);
        awaitOutboxPublished(all);

        Snapshot after = snapshot(orders, sku, requestTopic, paymentTopic);
        for (UUID orderId : orders) {
            assertEquals(before.orders().get(orderId), after.orders().get(orderId), "order " + orderId);
        }
        assertEquals(before.stock(), after.stock(), "stock of " + sku);
        assertEquals(before.emitted(), after.emitted(), "events emitted for the orders (topic/type/event id)");
        assertEquals(List.of(), after.deadLetters(), "dead letters of the orders");

        // The redeliveries really reached the topics, byte for byte: each consumed record is there 1 + N times.
        Map<String, Long> copies = new LinkedHashMap<>();
        recordsOf(requestTopic, orders).forEach(r -> copies.merge(Arrays.toString(r.value()), 1L, Long::sum));
        recordsOf(paymentTopic, orders).forEach(r -> copies.merge(Arrays.toString(r.value()), 1L, Long::sum));
        assertEquals(consumed.size(), copies.size(), "distinct records");
        copies.values().forEach(n -> assertEquals(1 + REDELIVERIES, n, "copies of each consumed record"));
    }

    /** What must not change: each order as the API shows it, the product's stock, emitted events and dead letters. */
    private record Snapshot(Map<UUID, Map<String, Object>> orders, Map<String, Object> stock,
                            Map<UUID, List<String>> emitted, List<String> deadLetters) {
    }

    private Snapshot snapshot(List<UUID> orders, String sku, String requestTopic, String paymentTopic) {
        Map<UUID, Map<String, Object>> views = new LinkedHashMap<>();
        for (UUID orderId : orders) {
            views.put(orderId, asStaff().get("/orders/{id}", orderId).then().statusCode(200).extract().jsonPath().getMap("$"));
        }
        Map<String, Object> stock = asStaff().get("/products/{sku}", sku).then().statusCode(200).extract().jsonPath().getMap("$");
        List<String> deadLetters = new ArrayList<>();
        for (String topic : List.of(Topics.dlq(requestTopic), Topics.dlq(paymentTopic))) {
            recordsOf(topic, orders).forEach(r -> deadLetters.add(topic + "@" + r.offset() + " " + r.key()));
        }
        return new Snapshot(views, stock, emittedBy(orders), deadLetters);
    }

    /** Per order, "topic/type/event id" of everything order-service published about it, in topic and offset order. */
    private static Map<UUID, List<String>> emittedBy(Collection<UUID> orders) {
        Map<UUID, List<String>> emitted = new LinkedHashMap<>();
        orders.forEach(id -> emitted.put(id, new ArrayList<>()));
        for (String topic : EMITTED_TOPICS) {
            for (ConsumerRecord<String, byte[]> record : recordsOf(topic, orders)) {
                EventEnvelope event = EventCodec.decode(record.value());
                emitted.get(UUID.fromString(record.key()))
                        .add(topic + "/" + event.data().getClass().getSimpleName() + "/" + event.id());
            }
        }
        return emitted;
    }

    private static Map<UUID, List<String>> typesOf(Map<UUID, List<String>> emitted) {
        return emitted.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream()
                .map(s -> s.split("/")[1])
                .sorted().toList()));
    }

    private static List<String> sorted(String... types) {
        return Arrays.stream(types).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> historyOf(Snapshot snapshot, UUID orderId) {
        return ((List<Map<String, Object>>) snapshot.orders().get(orderId).get("history")).stream()
                .map(step -> (String) step.get("to")).toList();
    }

    /** The topic's records keyed by one of the orders, in partition and offset order. */
    private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, Collection<UUID> orders) {
        Set<String> keys = orders.stream().map(UUID::toString).collect(Collectors.toSet());
        return kafka.readAll(topic).stream()
                .filter(r -> keys.contains(r.key()))
                .sorted(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .toList();
    }

    /**
     * A new order for {@code quantity} of {@code sku} whose id is keyed to {@code partition}: in the bulk lane
     * requested on Kafka as import-service does, in the interactive lane placed through the API.
     */
    private static UUID order(Lane lane, int partition, String sku, int quantity) {
        String external = externalOrderIdOn(partition);
        UUID orderId = Ids.orderId(external);
        if (lane == Lane.BULK) {
            EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), "import-service", Instant.now(),
                    request(orderId, external, List.of(new OrderLine(sku, null, quantity, null))));
            RecordMetadata sent = kafka.publishRaw(Topics.ORDER_REQUESTS_BULK, envelope.key(), EventCodec.encode(envelope));
            assertEquals(partition, sent.partition());
        } else {
            asStaff().contentType(ContentType.JSON)
                    .body(Map.of("externalOrderId", external,
                            "customer", Map.of("email", "redelivery-" + UUID.randomUUID() + "@example.com", "name", "Buyer"),
                            "lines", List.of(Map.of("sku", sku, "quantity", quantity))))
                    .post("/orders").then().statusCode(202).body("orderId", equalTo(orderId.toString()));
        }
        return orderId;
    }

    /** The payment an order in PAYMENT_PENDING asked for (its id and amount), as the API shows it. */
    private static AuthorizePayment paymentRequest(Lane lane, UUID orderId) {
        awaitStatus(orderId, "PAYMENT_PENDING");
        var order = asStaff().get("/orders/{id}", orderId).then().statusCode(200).extract().jsonPath();
        return new AuthorizePayment(UUID.fromString(order.getString("paymentId")), orderId,
                UUID.fromString(order.getString("customer.customerId")),
                new Money(order.getLong("total.amountMinor"), order.getString("total.currency")), lane);
    }

    /** Plays payment-service: its answer goes to the payment-events topic of the order's lane. */
    private static void answer(Lane lane, int partition, OmsEvent event) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), "payment-service", Instant.now(), event);
        RecordMetadata sent = kafka.publishRaw(Topics.topicFor(event, lane), envelope.key(), EventCodec.encode(envelope));
        assertEquals(partition, sent.partition());
    }

    /** An external order id whose order id the producers' default partitioner puts on {@code partition}. */
    private static String externalOrderIdOn(int partition) {
        while (true) {
            String external = "EXT-" + UUID.randomUUID();
            if (OutboxProbe.partitionOf(Ids.orderId(external), Topics.DEFAULT_PARTITIONS) == partition) {
                return external;
            }
        }
    }

    /** Waits until order-service's outbox holds no unpublished row of these orders (rows are marked once acked). */
    private void awaitOutboxPublished(Collection<UUID> orders) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertEquals(0, OutboxProbe.unpublishedRows(dataSource, orders), "unpublished outbox rows"));
    }
}
