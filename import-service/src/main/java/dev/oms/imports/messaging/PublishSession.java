package dev.oms.imports.messaging;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.OrderRequested;
import dev.oms.events.Topics;
import dev.oms.platform.tracing.TraceContext;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The sends of one run of an import. Its valid orders are numbered in file order; the checkpoint is how many of
 * the first ones are all acknowledged, so a resumed run skips exactly those ({@code resumeAfter}) and re-sends
 * the unacknowledged tail under the same event ids. At most {@code maxInFlight} orders lie between the oldest
 * record without an outcome and the newest send (a permit comes back only when every record before it has an
 * outcome), so a file of any size needs bounded memory. The first failed send fails the session: later publishes
 * throw, and so does {@link #awaitAcknowledged()}; the checkpoint never passes it. An interrupt (the service
 * stopping) surfaces as {@link InterruptedException}, never as a failed send.
 */
public final class PublishSession {

    private static final byte PENDING = 0;
    private static final byte ACKNOWLEDGED = 1;
    private static final byte FAILED = 2;

    private final Producer<String, byte[]> producer;
    private final String source;
    private final int maxInFlight;
    private final long resumeAfter;
    private final Semaphore inFlight;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Supplier<String> newTrace;
    /** Outcome of each order after {@code settled}, by number modulo maxInFlight. Guarded by this. */
    private final byte[] outcomes;
    private long settled;
    private long checkpoint;
    private long numbered;

    /** {@code newTrace} gives each order the W3C {@code traceparent} its saga continues. */
    PublishSession(Producer<String, byte[]> producer, String source, int maxInFlight, long resumeAfter,
                   Supplier<String> newTrace) {
        this.producer = producer;
        this.source = source;
        this.maxInFlight = maxInFlight;
        this.resumeAfter = resumeAfter;
        this.inFlight = new Semaphore(maxInFlight);
        this.newTrace = newTrace;
        this.outcomes = new byte[maxInFlight];
        this.settled = resumeAfter;
        this.checkpoint = resumeAfter;
    }

    /**
     * Takes the next valid order of the file: sends it, waiting first if too many records are unacknowledged, or
     * skips it when an earlier run had it acknowledged.
     */
    public void publish(UUID eventId, OrderRequested order) throws InterruptedException {
        long number = ++numbered;
        if (number <= resumeAfter) {
            return;
        }
        throwIfFailed();
        EventEnvelope envelope = EventEnvelope.of(eventId, source, Instant.now(), order);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.topicFor(order), envelope.key(), EventCodec.encode(envelope));
        record.headers().add(TraceContext.HEADER, newTrace.get().getBytes(StandardCharsets.US_ASCII));
        inFlight.acquire();
        try {
            producer.send(record, (metadata, error) -> settle(number, error));
        } catch (InterruptException | IllegalStateException stopping) {
            // Interrupted while waiting for buffer space, or the producer is closed: the service is stopping.
            Thread.interrupted();
            throw new InterruptedException("publishing stopped: " + stopping.getMessage());
        } catch (RuntimeException e) {
            // send() itself refused the record (e.g. it is too large to send): no callback will come.
            settle(number, e);
            throwIfFailed();
        }
    }

    /** Orders Kafka has acknowledged, in this run and (up to the checkpoint) in earlier ones. */
    public long acknowledged() {
        return resumeAfter + acknowledged.get();
    }

    /** The first {@code checkpoint()} valid orders of the file are all acknowledged. */
    public synchronized long checkpoint() {
        return checkpoint;
    }

    /** Waits until every record sent is acknowledged; throws if any send failed. */
    public void awaitAcknowledged() throws InterruptedException {
        drain();
        throwIfFailed();
    }

    /** Waits until every send has an outcome (acknowledged or failed), so the counts are final. */
    public void drain() throws InterruptedException {
        try {
            producer.flush();
        } catch (InterruptException stopping) {
            Thread.interrupted();
            throw new InterruptedException("flushing stopped: " + stopping.getMessage());
        }
        // flush() returns when the requests completed; the permits say when our callbacks have run too.
        inFlight.acquire(maxInFlight);
        inFlight.release(maxInFlight);
    }

    private synchronized void settle(long number, Exception error) {
        if (error == null) {
            acknowledged.incrementAndGet();
        } else {
            failure.compareAndSet(null, error);
        }
        outcomes[slot(number)] = error == null ? ACKNOWLEDGED : FAILED;
        for (int next = slot(settled + 1); outcomes[next] != PENDING; next = slot(settled + 1)) {
            boolean ok = outcomes[next] == ACKNOWLEDGED;
            outcomes[next] = PENDING;
            settled++;
            if (ok && checkpoint == settled - 1) {
                checkpoint = settled;
            }
            inFlight.release();
        }
    }

    private int slot(long number) {
        return (int) (number % maxInFlight);
    }

    private void throwIfFailed() {
        Exception error = failure.get();
        if (error != null) {
            throw new PublishFailedException(error);
        }
    }
}
