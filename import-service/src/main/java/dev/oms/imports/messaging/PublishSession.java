package dev.oms.imports.messaging;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.OrderRequested;
import dev.oms.events.Topics;
import dev.oms.platform.tracing.TraceContext;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The sends of one import. At most {@code maxInFlight} records wait for their acknowledgement at any time (a
 * permit is taken per send and given back in its callback), so a file of any size needs bounded memory. The
 * first failed send fails the session: later publishes throw, and so does {@link #awaitAcknowledged()}.
 */
public final class PublishSession {

    private final Producer<String, byte[]> producer;
    private final String source;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Supplier<String> newTrace;

    /** {@code newTrace} gives each order the W3C {@code traceparent} its saga continues. */
    PublishSession(Producer<String, byte[]> producer, String source, int maxInFlight, Supplier<String> newTrace) {
        this.producer = producer;
        this.source = source;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.newTrace = newTrace;
    }

    /** Sends the order, waiting first if too many records are unacknowledged. */
    public void publish(UUID eventId, OrderRequested order) throws InterruptedException {
        throwIfFailed();
        EventEnvelope envelope = EventEnvelope.of(eventId, source, Instant.now(), order);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.topicFor(order), envelope.key(), EventCodec.encode(envelope));
        record.headers().add(TraceContext.HEADER, newTrace.get().getBytes(StandardCharsets.US_ASCII));
        inFlight.acquire();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failure.compareAndSet(null, error);
                }
                inFlight.release();
            });
        } catch (RuntimeException e) {
            // send() itself refused the record (e.g. metadata unavailable in time): no callback will come.
            inFlight.release();
            failure.compareAndSet(null, e);
            throwIfFailed();
        }
    }

    /** Records Kafka has acknowledged so far. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Waits until every record sent is acknowledged; throws if any send failed. */
    public void awaitAcknowledged() throws InterruptedException {
        drain();
        throwIfFailed();
    }

    /** Waits until every send has an outcome (acknowledged or failed), so the counts are final. */
    public void drain() throws InterruptedException {
        producer.flush();
        // flush() returns when the requests completed; the permits say when our callbacks have run too.
        inFlight.acquire(maxInFlight);
        inFlight.release(maxInFlight);
    }

    private void throwIfFailed() {
        Exception error = failure.get();
        if (error != null) {
            throw new PublishFailedException(error);
        }
    }
}
