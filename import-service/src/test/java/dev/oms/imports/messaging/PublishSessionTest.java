package dev.oms.imports.messaging;

import dev.oms.events.CustomerRef;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Ids;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRequested;
import dev.oms.events.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bookkeeping of one import's sends, against Kafka's own MockProducer so acknowledgements and failures can be
 * released one by one. The real broker path is covered by ImportResourceTest.
 */
class PublishSessionTest {

    private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());

    @Test
    void sendsOneRecordPerOrderKeyedByOrderIdWithTheGivenEventIdAndANewTrace() throws InterruptedException {
        PublishSession session = new PublishSession(producer, "import-service", 10, 0, () -> TRACE);
        UUID eventId = UUID.randomUUID();
        OrderRequested order = order("A-1");

        session.publish(eventId, order);
        session.awaitAcknowledged();

        ProducerRecord<String, byte[]> record = producer.history().get(0);
        assertEquals(Topics.ORDER_REQUESTS_BULK, record.topic());
        assertEquals(order.orderId().toString(), record.key());
        EventEnvelope envelope = EventCodec.decode(record.value());
        assertEquals(eventId, envelope.id());
        assertEquals("import-service", envelope.source());
        assertEquals(order, envelope.data());
        assertEquals(TRACE, new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII));
        assertEquals(1, session.acknowledged());
    }

    @Test
    void countsOnlyAcknowledgedRecordsAndWaitsForTheRest() throws InterruptedException {
        PublishSession session = new PublishSession(producer, "import-service", 10, 0, () -> TRACE);
        for (int i = 0; i < 3; i++) {
            session.publish(UUID.randomUUID(), order("A-" + i));
        }
        producer.completeNext();
        assertEquals(1, session.acknowledged());

        session.awaitAcknowledged();
        assertEquals(3, session.acknowledged());
    }

    @Test
    void aFailedSendFailsTheSession() throws InterruptedException {
        PublishSession session = new PublishSession(producer, "import-service", 10, 0, () -> TRACE);
        session.publish(UUID.randomUUID(), order("A-1"));
        session.publish(UUID.randomUUID(), order("A-2"));
        producer.completeNext();
        producer.errorNext(new KafkaException("broker gone"));

        PublishFailedException e = assertThrows(PublishFailedException.class,
                () -> session.publish(UUID.randomUUID(), order("A-3")));
        assertTrue(e.getMessage().contains("broker gone"), e.getMessage());
        assertThrows(PublishFailedException.class, session::awaitAcknowledged);
        assertEquals(1, session.acknowledged());
        assertEquals(2, producer.history().size());
    }

    @Test
    void aSendRefusedUpFrontFailsTheSessionAndFreesItsPermit() throws InterruptedException {
        PublishSession session = new PublishSession(producer, "import-service", 1, 0, () -> TRACE);
        producer.sendException = new KafkaException("metadata not available");

        assertThrows(PublishFailedException.class, () -> session.publish(UUID.randomUUID(), order("A-1")));
        // The permit came back: draining does not hang on it.
        session.drain();
    }

    @Test
    void noMoreThanMaxInFlightRecordsWaitForAcknowledgement() throws InterruptedException {
        PublishSession session = new PublishSession(producer, "import-service", 2, 0, () -> TRACE);
        session.publish(UUID.randomUUID(), order("A-1"));
        session.publish(UUID.randomUUID(), order("A-2"));

        Thread third = new Thread(() -> {
            try {
                session.publish(UUID.randomUUID(), order("A-3"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> third.getState() == Thread.State.WAITING);
        assertEquals(2, producer.history().size());

        producer.completeNext();
        third.join(Duration.ofSeconds(10).toMillis());
        assertEquals(3, producer.history().size());
        session.awaitAcknowledged();
        assertEquals(3, session.acknowledged());
    }

    private static OrderRequested order(String externalId) {
        return new OrderRequested(Ids.orderId(externalId), externalId, Lane.BULK,
                new CustomerRef(Ids.customerId("ann@example.com"), "ann@example.com", "Ann"),
                List.of(new OrderLine("SKU-1", "Mug", 1, new Money(500, "USD"))), null, UUID.randomUUID(), 2L);
    }
}
