package dev.oms.platform.messaging;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.MalformedEventException;
import dev.oms.platform.config.ConsumerConfig;
import dev.oms.platform.tracing.TraceContext;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * The one way OMS consumers take a record: decode it, send poison to the dead-letter queue, and retry anything
 * else in place with back-off. The caller does not return (so the offset is not committed) until the record is
 * applied, which keeps every order's events in order.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final DeadLetterQueue deadLetters;
    private final ConsumerConfig config;
    private volatile boolean stopping;

    public IncomingEvents(DeadLetterQueue deadLetters, ConsumerConfig config) {
        this.deadLetters = deadLetters;
        this.config = config;
    }

    public void handle(ConsumerRecord<String, byte[]> record, String consumer, Consumer<EventEnvelope> handler) {
        // The events this record causes continue its trace (the outbox stores the traceparent).
        TraceContext.runWithin(TraceContext.of(record.headers()), () -> decodeAndApply(record, consumer, handler));
    }

    private void decodeAndApply(ConsumerRecord<String, byte[]> record, String consumer, Consumer<EventEnvelope> handler) {
        EventEnvelope event;
        try {
            event = EventCodec.decode(record.value());
        } catch (MalformedEventException e) {
            retryInPlace(record, consumer, "dead-letter the unreadable record",
                    () -> deadLetters.send(record, consumer, e.getMessage()));
            return;
        }
        retryInPlace(record, consumer, "apply " + event.type() + " " + event.id() + " (order " + event.subject() + ")", () -> {
            try {
                handler.accept(event);
            } catch (PoisonEventException e) {
                deadLetters.send(record, consumer, e.getMessage());
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
                if (stopping) {
                    throw new IllegalStateException("shutting down; " + record.topic() + "-" + record.partition() + "@"
                            + record.offset() + " will be redelivered", e);
                }
                LOG.warnf(e, "%s failed to %s (%s-%d@%d), attempt %d; retrying in %d ms", consumer, what,
                        record.topic(), record.partition(), record.offset(), attempt, backoffMs);
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, config.retryMaxBackoff().toMillis());
            }
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

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }
}
