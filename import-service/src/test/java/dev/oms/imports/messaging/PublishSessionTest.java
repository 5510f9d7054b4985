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
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void theCheckpointAdvancesOnlyOverAContiguousPrefixOfAcknowledgedRecords() throws InterruptedException {
        HeldCallbacks held = new HeldCallbacks();
        PublishSession session = new PublishSession(held, "import-service", 10, 0, () -> TRACE);
        for (int i = 1; i <= 4; i++) {
            session.publish(UUID.randomUUID(), order("A-" + i));
        }

        held.acknowledge(2);
        held.acknowledge(3);
        assertEquals(0, session.checkpoint());
        assertEquals(2, session.acknowledged());

        held.acknowledge(1);
        assertEquals(3, session.checkpoint());
        assertEquals(3, session.acknowledged());

        held.acknowledge(4);
        assertEquals(4, session.checkpoint());
        session.awaitAcknowledged();
    }

    @Test
    void aFailedRecordFreezesTheCheckpointBeforeItThoughLaterRecordsAreAcknowledged() throws InterruptedException {
        PublishSession session = new PublishSession(producer, "import-service", 10, 0, () -> TRACE);
        for (int i = 1; i <= 4; i++) {
            session.publish(UUID.randomUUID(), order("A-" + i));
        }

        producer.completeNext();
        producer.errorNext(new KafkaException("record too large"));
        producer.completeNext();
        producer.completeNext();

        assertEquals(1, session.checkpoint());
        assertEquals(3, session.acknowledged());
        PublishFailedException e = assertThrows(PublishFailedException.class, session::awaitAcknowledged);
        assertTrue(e.getMessage().contains("record too large"), e.getMessage());
        assertEquals(1, session.checkpoint());
    }

    @Test
    void aFailureArrivingAfterTheLaterAcknowledgementsStillFreezesTheCheckpoint() throws InterruptedException {
        HeldCallbacks held = new HeldCallbacks();
        PublishSession session = new PublishSession(held, "import-service", 10, 0, () -> TRACE);
        for (int i = 1; i <= 4; i++) {
            session.publish(UUID.randomUUID(), order("A-" + i));
        }

        held.acknowledge(4);
        held.acknowledge(3);
        held.fail(2, new KafkaException("broker gone"));
        assertEquals(0, session.checkpoint());
        held.acknowledge(1);

        assertEquals(1, session.checkpoint());
        assertEquals(3, session.acknowledged());
        assertThrows(PublishFailedException.class, () -> session.publish(UUID.randomUUID(), order("A-5")));
        assertEquals(4, held.history().size());
    }

    @Test
    void aResumedSessionSkipsTheOrdersAnEarlierRunHadAcknowledged() throws InterruptedException {
        PublishSession session = new PublishSession(producer, "import-service", 10, 2, () -> TRACE);
        assertEquals(2, session.checkpoint());
        assertEquals(2, session.acknowledged());

        UUID third = UUID.randomUUID();
        UUID fourth = UUID.randomUUID();
        session.publish(UUID.randomUUID(), order("A-1"));
        session.publish(UUID.randomUUID(), order("A-2"));
        session.publish(third, order("A-3"));
        session.publish(fourth, order("A-4"));

        assertEquals(List.of(Ids.orderId("A-3").toString(), Ids.orderId("A-4").toString()),
                producer.history().stream().map(ProducerRecord::key).toList());
        assertEquals(List.of(third, fourth),
                producer.history().stream().map(r -> EventCodec.decode(r.value()).id()).toList());
        assertEquals(2, session.checkpoint());

        producer.completeNext();
        assertEquals(3, session.checkpoint());
        assertEquals(3, session.acknowledged());
        session.awaitAcknowledged();
        assertEquals(4, session.checkpoint());
        assertEquals(4, session.acknowledged());
    }

    @Test
    void aResumedSessionStillBoundsTheRecordsInFlight() throws InterruptedException {
        PublishSession session = new PublishSession(producer, "import-service", 2, 3, () -> TRACE);
        for (int i = 1; i <= 5; i++) {
            session.publish(UUID.randomUUID(), order("A-" + i));
        }
        assertEquals(2, producer.history().size());

        producer.completeNext();
        assertEquals(4, session.checkpoint());
        session.publish(UUID.randomUUID(), order("A-6"));
        producer.completeNext();
        producer.completeNext();
        assertEquals(6, session.checkpoint());
        assertEquals(6, session.acknowledged());
    }

    @Test
    void aLaterAcknowledgementDoesNotFreeAPermitWhileAnEarlierRecordIsUnacknowledged() throws Exception {
        HeldCallbacks held = new HeldCallbacks();
        PublishSession session = new PublishSession(held, "import-service", 2, 0, () -> TRACE);
        session.publish(UUID.randomUUID(), order("A-1"));
        session.publish(UUID.randomUUID(), order("A-2"));
        held.acknowledge(2);

        FutureTask<Void> publishThird = new FutureTask<>(() -> {
            session.publish(UUID.randomUUID(), order("A-3"));
            return null;
        });
        Thread third = new Thread(publishThird, "publish-third");
        third.setDaemon(true);
        third.start();
        // Parked on the session's permits: at most 2 records lie beyond the checkpoint (0), though one is acknowledged.
        await().atMost(Duration.ofSeconds(10)).until(() -> third.getState() == Thread.State.WAITING
                && LockSupport.getBlocker(third) != null
                && LockSupport.getBlocker(third).getClass().getName().startsWith(Semaphore.class.getName()));
        assertFalse(publishThird.isDone());
        assertEquals(2, held.history().size());
        assertEquals(0, session.checkpoint());

        held.acknowledge(1);
        publishThird.get(10, TimeUnit.SECONDS);
        assertEquals(3, held.history().size());
        assertEquals(2, session.checkpoint());

        held.acknowledge(3);
        assertEquals(3, session.checkpoint());
        session.awaitAcknowledged();
        assertEquals(3, session.acknowledged());
    }

    private static OrderRequested order(String externalId) {
        return new OrderRequested(Ids.orderId(externalId), externalId, Lane.BULK,
                new CustomerRef(Ids.customerId("ann@example.com"), "ann@example.com", "Ann"),
                List.of(new OrderLine("SKU-1", "Mug", 1, new Money(500, "USD"))), null, UUID.randomUUID(), 2L);
    }

    /**
     * A MockProducer that keeps each send's callback, so a test can acknowledge or fail records in any order
     * (MockProducer's own completeNext() completes them in send order only). Records are numbered from 1.
     */
    private static final class HeldCallbacks extends MockProducer<String, byte[]> {

        private final List<Callback> callbacks = new CopyOnWriteArrayList<>();

        HeldCallbacks() {
            super(false, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            callbacks.add(callback);
            return super.send(record, null);
        }

        void acknowledge(int number) {
            ProducerRecord<String, byte[]> record = history().get(number - 1);
            callbacks.get(number - 1).onCompletion(
                    new RecordMetadata(new TopicPartition(record.topic(), 0), number - 1, 0, 0L, 0, 0), null);
        }

        void fail(int number, Exception error) {
            callbacks.get(number - 1).onCompletion(null, error);
        }
    }
}
