package dev.oms.payment.messaging;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.Topics;
import dev.oms.events.VoidPayment;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.OutboxProbe;
import dev.oms.payment.GatewayTestSupport;
import dev.oms.payment.config.PaymentConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
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
import static dev.oms.payment.GatewayTestSupport.KAFKA;
import static dev.oms.payment.GatewayTestSupport.WAIT;
import static dev.oms.payment.GatewayTestSupport.awaitStatus;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Redelivery (issue 4) for {@code PaymentCommandConsumer}: the AuthorizePayment and VoidPayment records it already
 * consumed are published again, the same bytes (so the same event ids), several times and out of order (an
 * AuthorizePayment after the VoidPayment of its payment), after the payments settled through the simulator and its
 * signed webhook. All payments of a test are keyed to one partition; a later AuthorizePayment on that partition,
 * whose payment we wait to see authorized, proves the consumer got past every re-published record first. Payments,
 * their attempts, the events payment-service emitted and its dead-letter queue must all be exactly as before.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "database", value = "oms_payments"))
class PaymentCommandRedeliveryTest {

    /** How often each consumed record is published again. */
    private static final int REDELIVERIES = 3;
    private static final List<String> EMITTED_TOPICS = List.of(Topics.PAYMENT_EVENTS, Topics.PAYMENT_EVENTS_INTERACTIVE);

    @Inject
    PaymentConfig config;

    @Inject
    AgroalDataSource dataSource;

    private GatewayTestSupport gateway;

    @BeforeEach
    void gateway() {
        gateway = new GatewayTestSupport(config);
    }

    @Test
    void bulkLaneCommandsRedeliveredOutOfOrderChangeNoPaymentOrEvent() {
        redeliverAfterThePaymentsSettled(Lane.BULK);
    }

    @Test
    void interactiveLaneCommandsRedeliveredOutOfOrderChangeNoPaymentOrEvent() {
        redeliverAfterThePaymentsSettled(Lane.INTERACTIVE);
    }

    private void redeliverAfterThePaymentsSettled(Lane lane) {
        String commandTopic = lane == Lane.INTERACTIVE ? Topics.PAYMENT_COMMANDS_INTERACTIVE : Topics.PAYMENT_COMMANDS;
        int partition = ThreadLocalRandom.current().nextInt(Topics.DEFAULT_PARTITIONS);

        // Four payments on one partition: authorized and kept, declined, authorized then voided, declined and then
        // asked to be voided (the order timed out meanwhile), which changes nothing.
        AuthorizePayment authorized = authorize(lane, orderOn(partition, true), 12999);
        AuthorizePayment declined = authorize(lane, orderOn(partition, false), 4500);
        AuthorizePayment voided = authorize(lane, orderOn(partition, true), 2599);
        AuthorizePayment declinedThenVoided = authorize(lane, orderOn(partition, false), 999);
        List<AuthorizePayment> payments = List.of(authorized, declined, voided, declinedThenVoided);
        List<UUID> orders = payments.stream().map(AuthorizePayment::orderId).toList();
        awaitStatus(authorized.paymentId(), "AUTHORIZED");
        awaitStatus(declined.paymentId(), "DECLINED");
        awaitStatus(voided.paymentId(), "AUTHORIZED");
        awaitStatus(declinedThenVoided.paymentId(), "DECLINED");
        send(lane, partition, new VoidPayment(declinedThenVoided.paymentId(), declinedThenVoided.orderId(), "payment timed out"));
        send(lane, partition, new VoidPayment(voided.paymentId(), voided.orderId(), "order is CANCELLED"));
        awaitStatus(voided.paymentId(), "VOIDED");

        Map<UUID, List<String>> expectedTypes = Map.of(
                authorized.orderId(), List.of("PaymentAuthorized"),
                declined.orderId(), List.of("PaymentDeclined"),
                voided.orderId(), List.of("PaymentAuthorized", "PaymentVoided"),
                declinedThenVoided.orderId(), List.of("PaymentDeclined"));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertEquals(expectedTypes, typesOf(emittedBy(orders))));
        awaitOutboxPublished(orders);

        Snapshot before = snapshot(orders, commandTopic);
        assertEquals(List.of("SALE/REQUESTED", "SALE/APPROVED"), attemptsOf(before, authorized));
        assertEquals(List.of("SALE/REQUESTED", "SALE/DECLINED"), attemptsOf(before, declined));
        assertEquals(List.of("SALE/REQUESTED", "SALE/APPROVED", "VOID/APPROVED"), attemptsOf(before, voided));
        assertEquals(List.of("SALE/REQUESTED", "SALE/DECLINED"), attemptsOf(before, declinedThenVoided));

        // The records the consumer took: the four AuthorizePayment commands, then the two VoidPayment commands.
        List<ConsumerRecord<String, byte[]>> consumed = recordsOf(commandTopic, orders);
        assertEquals(6, consumed.size(), "consumed commands");
        assertEquals(List.of("AuthorizePayment", "AuthorizePayment", "AuthorizePayment", "AuthorizePayment",
                "VoidPayment", "VoidPayment"), consumed.stream().map(PaymentCommandRedeliveryTest::typeOf).toList());
        consumed.forEach(r -> assertEquals(partition, r.partition(), "all on one partition: " + r));

        // Again, after everything settled, and out of order: every other round backwards, so each AuthorizePayment
        // also comes after the VoidPayment of its own payment.
        for (int round = 0; round < REDELIVERIES; round++) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(consumed);
            if (round % 2 == 0) {
                Collections.reverse(batch);
            }
            for (ConsumerRecord<String, byte[]> record : batch) {
                RecordMetadata sent = KAFKA.publishRaw(record.topic(), record.key(), record.value());
                assertEquals(partition, sent.partition(), "redelivered to the partition it came from");
            }
        }

        // A later payment on the same partition: once the simulator's answer for it is applied, the consumer has
        // taken every record redelivered before it, and the simulator has answered every sale due before it.
        AuthorizePayment marker = authorize(lane, orderOn(partition, true), 100);
        awaitStatus(marker.paymentId(), "AUTHORIZED");
        List<UUID> all = new ArrayList<>(orders);
        all.add(marker.orderId());
        // Whatever the redeliveries caused was committed before the marker was applied; wait until it is on Kafka.
        awaitOutboxPublished(all);

        Snapshot after = snapshot(orders, commandTopic);
        for (UUID orderId : orders) {
            assertEquals(before.payments().get(orderId), after.payments().get(orderId), "payments of order " + orderId);
        }
        assertEquals(before.emitted(), after.emitted(), "events emitted for the orders (topic/type/event id)");
        assertEquals(List.of(), after.deadLetters(), "dead letters of the orders");

        // The redeliveries really reached the topic, byte for byte: each consumed record is there 1 + N times.
        Map<String, Long> copies = new LinkedHashMap<>();
        recordsOf(commandTopic, orders).forEach(r -> copies.merge(Arrays.toString(r.value()), 1L, Long::sum));
        assertEquals(consumed.size(), copies.size(), "distinct records");
        copies.values().forEach(n -> assertEquals(1 + REDELIVERIES, n, "copies of each consumed record"));
    }

    /** What must not change: each order's payments with their attempts, the emitted events, the dead letters. */
    private record Snapshot(Map<UUID, List<Map<String, Object>>> payments, Map<UUID, List<String>> emitted,
                            List<String> deadLetters) {
    }

    private Snapshot snapshot(List<UUID> orders, String commandTopic) {
        Map<UUID, List<Map<String, Object>>> payments = new LinkedHashMap<>();
        for (UUID orderId : orders) {
            payments.put(orderId, asStaff().get("/payments?orderId={id}", orderId).then().statusCode(200)
                    .extract().jsonPath().getList("$"));
        }
        List<String> deadLetters = recordsOf(Topics.dlq(commandTopic), orders).stream()
                .map(r -> r.topic() + "@" + r.offset() + " " + r.key()).toList();
        return new Snapshot(payments, emittedBy(orders), deadLetters);
    }

    @SuppressWarnings("unchecked")
    private static List<String> attemptsOf(Snapshot snapshot, AuthorizePayment command) {
        List<Map<String, Object>> payments = snapshot.payments().get(command.orderId());
        assertEquals(1, payments.size(), "payments of order " + command.orderId());
        assertEquals(command.paymentId().toString(), payments.get(0).get("paymentId"));
        return ((List<Map<String, Object>>) payments.get(0).get("attempts")).stream()
                .map(a -> a.get("kind") + "/" + a.get("status")).toList();
    }

    /** Per order, "topic/type/event id" of everything payment-service published about it, in topic and offset order. */
    private static Map<UUID, List<String>> emittedBy(Collection<UUID> orders) {
        Map<UUID, List<String>> emitted = new LinkedHashMap<>();
        orders.forEach(id -> emitted.put(id, new ArrayList<>()));
        for (String topic : EMITTED_TOPICS) {
            for (ConsumerRecord<String, byte[]> record : recordsOf(topic, orders)) {
                EventEnvelope event = EventCodec.decode(record.value());
                emitted.get(UUID.fromString(record.key())).add(topic + "/" + typeOf(record) + "/" + event.id());
            }
        }
        return emitted;
    }

    private static Map<UUID, List<String>> typesOf(Map<UUID, List<String>> emitted) {
        return emitted.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(s -> s.split("/")[1]).toList()));
    }

    private static String typeOf(ConsumerRecord<String, byte[]> record) {
        return EventCodec.decode(record.value()).data().getClass().getSimpleName();
    }

    /** The topic's records keyed by one of the orders, in partition and offset order. */
    private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, Collection<UUID> orders) {
        Set<String> keys = orders.stream().map(UUID::toString).collect(Collectors.toSet());
        return KAFKA.readAll(topic).stream()
                .filter(r -> keys.contains(r.key()))
                .sorted(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .toList();
    }

    /** Plays order-service: asks for a payment of the order on the payment-commands topic of its lane. */
    private static AuthorizePayment authorize(Lane lane, UUID orderId, long amountMinor) {
        AuthorizePayment command = new AuthorizePayment(UUID.randomUUID(), orderId, UUID.randomUUID(),
                new Money(amountMinor, "USD"), lane);
        send(lane, OutboxProbe.partitionOf(orderId, Topics.DEFAULT_PARTITIONS), command);
        return command;
    }

    /** Publishes a command as order-service's outbox does: to its lane's topic, keyed by the order id. */
    private static void send(Lane lane, int partition, OmsEvent command) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), "order-service", Instant.now(), command);
        RecordMetadata sent = KAFKA.publishRaw(Topics.topicFor(command, lane), envelope.key(), EventCodec.encode(envelope));
        assertEquals(partition, sent.partition());
    }

    /** A new order id the simulator approves (or declines) whose records go to {@code partition}. */
    private UUID orderOn(int partition, boolean approved) {
        while (true) {
            UUID orderId = gateway.orderThatIs(approved);
            if (OutboxProbe.partitionOf(orderId, Topics.DEFAULT_PARTITIONS) == partition) {
                return orderId;
            }
        }
    }

    /** Waits until payment-service's outbox holds no unpublished row of these orders (rows are marked once acked). */
    private void awaitOutboxPublished(Collection<UUID> orders) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertEquals(0, OutboxProbe.unpublishedRows(dataSource, orders), "unpublished outbox rows"));
    }
}
