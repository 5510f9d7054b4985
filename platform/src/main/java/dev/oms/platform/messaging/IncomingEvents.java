package dev.oms.platform.messaging;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.MalformedEventException;
import dev.oms.platform.config.ConsumerConfig;
import dev.oms.platform.lifecycle.ShutdownSignal;
import dev.oms.platform.logging.OrderLogContext;
import dev.oms.platform.tracing.Tracing;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way OMS consumers take records: a poll's records arrive as one message (channels with {@code batch=true}),
 * applied together (one transaction, or one Redis script call), and record by record when that fails: decode each,
 * send poison to the dead-letter queue, and retry anything else in place with back-off. The caller does not return
 * (so no offset is committed) until every record is applied, which keeps every order's events in order. Consumers
 * take the {@link Message} and return what {@link #handleBatch} returns: the message is acknowledged here, and only
 * once applied.
 * <p>
 * On shutdown consumers stop taking records: a record that arrives after the signal, or is still failing, is left
 * unapplied and unacknowledged (redelivered after the restart), while records being applied get
 * {@code oms.consumer.drain-timeout} to finish, before the outbox relay flushes what they wrote and the Kafka
 * connector commits the offsets of everything applied.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final DeadLetterQueue deadLetters;
    private final ConsumerConfig config;
    private final ShutdownSignal shutdown;
    private final Tracing tracing;
    private final AtomicInteger inFlight = new AtomicInteger();

    public IncomingEvents(DeadLetterQueue deadLetters, ConsumerConfig config, ShutdownSignal shutdown, Tracing tracing) {
        this.deadLetters = deadLetters;
        this.tracing = tracing;
        this.config = config;
        this.shutdown = shutdown;
    }

    /**
     * Applies the records of {@code batch} (a channel with {@code batch=true}) and acknowledges them, returning once
     * they are applied, or left for redelivery on shutdown. The batch is applied together first (one transaction,
     * each record in its own trace and log context); when that fails (an unreadable or poison record, a deadlock),
     * each record is applied alone, in order, poison dead-lettered and anything else retried in place: one bad record
     * costs its batch the speed, never the other records.
     */
    public CompletionStage<Void> handleBatch(Message<List<byte[]>> batch, String consumer, BatchHandler handler) {
        List<ConsumerRecord<String, byte[]>> records = recordsOf(batch);
        return applyThenAck(batch, consumer, () -> {
            if (!appliedTogether(records, consumer, handler)) {
                for (ConsumerRecord<String, byte[]> record : records) {
                    applyAlone(record, consumer, handler);
                }
            }
        });
    }

    private CompletionStage<Void> applyThenAck(Message<?> message, String consumer, Runnable apply) {
        // Counted before the check: the drain, which starts after the signal, waits for every message that passed
        // it, until its acknowledgement is registered.
        inFlight.incrementAndGet();
        boolean applied = false;
        try {
            if (shutdown.stopping()) {
                throw new LeftForRedelivery();
            }
            apply.run();
            applied = true;
        } catch (LeftForRedelivery e) {
            LOG.debugf("%s leaves a message to be redelivered after the restart", consumer);
        } finally {
            if (!applied) {
                inFlight.decrementAndGet();
            }
        }
        if (!applied) {
            return CompletableFuture.completedFuture(null);
        }
        return message.ack().whenComplete((ignored, failure) -> inFlight.decrementAndGet());
    }

    private void applyAlone(ConsumerRecord<String, byte[]> record, String consumer, BatchHandler handler) {
        // The events this record causes continue its trace (the outbox stores the traceparent); every event is
        // keyed by its order, so each line logged while applying it names that order.
        tracing.consume(record, consumer, () -> OrderLogContext.run(record.key(),
                () -> decodeAndApply(record, consumer, handler)));
    }

    private boolean appliedTogether(List<ConsumerRecord<String, byte[]>> records, String consumer, BatchHandler handler) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                events.add(EventCodec.decode(record.value()));
            }
        } catch (MalformedEventException e) {
            return false;
        }
        try {
            handler.together(events, () -> {
                for (int i = 0; i < records.size(); i++) {
                    ConsumerRecord<String, byte[]> record = records.get(i);
                    EventEnvelope event = events.get(i);
                    tracing.consume(record, consumer, () -> OrderLogContext.run(record.key(), () -> handler.inBatch(record, event)));
                }
            });
            return true;
        } catch (RuntimeException e) {
            if (shutdown.stopping()) {
                throw new LeftForRedelivery();
            }
            LOG.infof("%s applies %d records one by one: together they failed (%s)", consumer, records.size(), e);
            return false;
        }
    }

    /** The Kafka records of a message of a Kafka channel with {@code batch=true}, in the order they were polled. */
    @SuppressWarnings("unchecked")
    private static List<ConsumerRecord<String, byte[]>> recordsOf(Message<List<byte[]>> batch) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a batch of a Kafka channel"));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(metadata.count());
        metadata.getRecords().forEach(records::add);
        return records;
    }

    private void decodeAndApply(ConsumerRecord<String, byte[]> record, String consumer, BatchHandler handler) {
        EventEnvelope event;
        try {
            event = EventCodec.decode(record.value());
        } catch (MalformedEventException e) {
            retryInPlace(record, consumer, "dead-letter the unreadable record", () -> {
                deadLetters.send(record, consumer, e.getMessage());
                handler.deadLettered(record);
            });
            return;
        }
        retryInPlace(record, consumer, "apply " + event.type() + " " + event.id() + " (order " + event.subject() + ")", () -> {
            try {
                handler.alone(record, event);
            } catch (PoisonEventException e) {
                deadLetters.send(record, consumer, e.getMessage());
                handler.deadLettered(record);
            }
        });
    }

    /** Runs {@code step} until it succeeds, backing off between attempts; gives up only when the service stops. */
    private void retryInPlace(ConsumerRecord<String, byte[]> record, String consumer, String what, Runnable step) {
        long backoffMs = config.retryInitialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                if (shutdown.stopping()) {
                    throw new LeftForRedelivery();
                }
                LOG.warnf(e, "%s failed to %s (%s-%d@%d), attempt %d; retrying in %d ms", consumer, what,
                        record.topic(), record.partition(), record.offset(), attempt, backoffMs);
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, config.retryMaxBackoff().toMillis());
            }
        }
    }

    // After the signal, before the outbox relay (4000) flushes what the finished records wrote.
    void drain(@Observes @Priority(2) ShutdownEvent event) throws InterruptedException {
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (inFlight.get() > 0) {
            LOG.warnf("%d record(s) still being applied after %s; they roll back and are redelivered after the restart",
                    inFlight.get(), config.drainTimeout());
        } else {
            LOG.info("Consumers stopped: records being applied have finished; later ones are redelivered after the restart");
        }
    }

    /** A record the stopping service neither applies nor acknowledges. */
    private static final class LeftForRedelivery extends RuntimeException {
        LeftForRedelivery() {
            super(null, null, false, false);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
