package dev.oms.platform.messaging;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.events.PaymentVoided;
import dev.oms.platform.config.ConsumerConfig;
import dev.oms.platform.config.ServiceIdentity;
import dev.oms.platform.lifecycle.ShutdownSignal;
import dev.oms.platform.tracing.Tracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A batch of records is applied together when it can be, and record by record when it cannot: a poison or
 * unreadable record is dead-lettered, every other record is applied exactly once and in order, and the batch is
 * acknowledged once, after all of that.
 */
class IncomingEventsBatchTest {

    private static final String TOPIC = "oms.payment-events";

    private final List<String> deadLettered = new ArrayList<>();
    private final IncomingEvents incoming = new IncomingEvents(new RecordingDeadLetters(), new FastRetries(),
            new ShutdownSignal(), new Tracing(OpenTelemetry.noop()));

    @Test
    void aBatchOfGoodRecordsIsAppliedTogetherInOrder() {
        List<EventEnvelope> events = List.of(event(), event(), event());
        TransactionalFake handler = TransactionalFake.allGood();

        AtomicInteger acks = new AtomicInteger();
        incoming.handleBatch(batch(encoded(events), acks), "test", handler).toCompletableFuture().join();

        assertEquals(ids(events), handler.committed, "applied in one go, in order");
        assertEquals(List.of(0L, 1L, 2L), handler.offsetsInBatch, "each event comes with the record it was read from");
        assertEquals(1, handler.togetherCalls);
        assertEquals(List.of(), handler.aloneCalls);
        assertEquals(List.of(), deadLettered);
        assertEquals(1, acks.get(), "acknowledged once");
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheOthersAreAppliedOneByOneOnce() {
        EventEnvelope first = event();
        EventEnvelope poison = event();
        EventEnvelope last = event();
        TransactionalFake handler = new TransactionalFake(Set.of(poison.id()), null, 0);

        AtomicInteger acks = new AtomicInteger();
        incoming.handleBatch(batch(encoded(List.of(first, poison, last)), acks), "test", handler)
                .toCompletableFuture().join();

        assertEquals(List.of(first.id(), last.id()), handler.committed,
                "the batch's transaction rolled back; each good record applied once by itself, in order");
        assertEquals(List.of(first.id(), poison.id(), last.id()), handler.aloneCalls);
        assertEquals(List.of(TOPIC + "@1"), deadLettered);
        assertEquals(List.of(1L), handler.deadLetteredOffsets, "told which record went to the dead letters");
        assertEquals(1, acks.get());
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithoutHoldingUpTheOthers() {
        EventEnvelope first = event();
        EventEnvelope last = event();
        TransactionalFake handler = TransactionalFake.allGood();
        List<byte[]> values = List.of(EventCodec.encode(first), "not an event".getBytes(StandardCharsets.UTF_8),
                EventCodec.encode(last));

        AtomicInteger acks = new AtomicInteger();
        incoming.handleBatch(batch(values, acks), "test", handler).toCompletableFuture().join();

        assertEquals(List.of(first.id(), last.id()), handler.committed);
        assertEquals(0, handler.togetherCalls, "an unreadable record sends the batch straight to one by one");
        assertEquals(List.of(TOPIC + "@1"), deadLettered);
        assertEquals(List.of(1L), handler.deadLetteredOffsets);
        assertEquals(1, acks.get());
    }

    @Test
    void aRecordThatFailsForAWhileIsRetriedInPlaceBeforeTheNextOne() {
        EventEnvelope first = event();
        EventEnvelope flaky = event();
        EventEnvelope last = event();
        TransactionalFake handler = new TransactionalFake(Set.of(), flaky.id(), 2);

        AtomicInteger acks = new AtomicInteger();
        incoming.handleBatch(batch(encoded(List.of(first, flaky, last)), acks), "test", handler)
                .toCompletableFuture().join();

        assertEquals(List.of(first.id(), flaky.id(), last.id()), handler.committed);
        assertEquals(1, handler.togetherCalls);
        assertEquals(List.of(first.id(), flaky.id(), flaky.id(), last.id()), handler.aloneCalls,
                "the batch failed at the flaky record; alone it failed once more, then went through before the next one");
        assertEquals(List.of(), deadLettered);
        assertEquals(1, acks.get());
    }

    /**
     * Applies events as a transactional consumer would: effects of a batch are committed only when all of it
     * succeeded. Events in {@code poison} are refused; {@code flaky} fails its first {@code failures} attempts.
     */
    private static final class TransactionalFake implements BatchHandler {

        final List<UUID> committed = new ArrayList<>();
        final List<UUID> aloneCalls = new ArrayList<>();
        final List<Long> offsetsInBatch = new ArrayList<>();
        final List<Long> deadLetteredOffsets = new ArrayList<>();
        private final Set<UUID> poison;
        private final UUID flaky;
        private int failures;
        int togetherCalls;
        private List<UUID> pending;

        TransactionalFake(Set<UUID> poison, UUID flaky, int failures) {
            this.poison = poison;
            this.flaky = flaky;
            this.failures = failures;
        }

        static TransactionalFake allGood() {
            return new TransactionalFake(Set.of(), null, 0);
        }

        @Override
        public void together(List<EventEnvelope> events, Runnable applyEach) {
            togetherCalls++;
            pending = new ArrayList<>();
            try {
                applyEach.run();
                committed.addAll(pending);
            } finally {
                pending = null;
            }
        }

        @Override
        public void inBatch(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
            offsetsInBatch.add(record.offset());
            apply(event);
            pending.add(event.id());
        }

        @Override
        public void alone(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
            aloneCalls.add(event.id());
            apply(event);
            committed.add(event.id());
        }

        @Override
        public void deadLettered(ConsumerRecord<String, byte[]> record) {
            deadLetteredOffsets.add(record.offset());
        }

        private void apply(EventEnvelope event) {
            if (poison.contains(event.id())) {
                throw new PoisonEventException("refused " + event.id());
            }
            if (event.id().equals(flaky) && failures > 0) {
                failures--;
                throw new IllegalStateException("database briefly away");
            }
        }
    }

    private final class RecordingDeadLetters extends DeadLetterQueue {

        RecordingDeadLetters() {
            super(null, new ServiceIdentity("test"), new SimpleMeterRegistry());
        }

        @Override
        public void send(ConsumerRecord<String, byte[]> record, String consumer, String reason) {
            deadLettered.add(record.topic() + "@" + record.offset());
        }
    }

    private static final class FastRetries implements ConsumerConfig {

        @Override
        public Duration retryInitialBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration retryMaxBackoff() {
            return Duration.ofMillis(2);
        }

        @Override
        public Duration drainTimeout() {
            return Duration.ofSeconds(1);
        }
    }

    private static EventEnvelope event() {
        UUID orderId = UUID.randomUUID();
        return EventEnvelope.of(UUID.randomUUID(), "test", Instant.now(),
                new PaymentVoided(UUID.randomUUID(), orderId, new Money(1250, "USD")));
    }

    private static List<byte[]> encoded(List<EventEnvelope> events) {
        return events.stream().map(EventCodec::encode).toList();
    }

    private static List<UUID> ids(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::id).toList();
    }

    private static Message<List<byte[]>> batch(List<byte[]> values, AtomicInteger acks) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int offset = 0; offset < values.size(); offset++) {
            records.add(new ConsumerRecord<>(TOPIC, 0, offset, "key-" + offset, values.get(offset)));
        }
        ConsumerRecords<String, byte[]> polled = new ConsumerRecords<>(Map.of(partition, records), Map.of());
        return Message.of(values, Metadata.of(new IncomingKafkaRecordBatchMetadata<>(polled, "test", Map.of())), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
    }
}
