package dev.oms.platform.inbox;

import dev.oms.events.EventEnvelope;
import dev.oms.events.OmsEvent;
import dev.oms.platform.messaging.IncomingEvents;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The idempotent consumer of services with a database: each event is applied in one transaction together with
 * the record of its id (and any outbox rows the handler writes), so it takes effect exactly once however often
 * it is delivered.
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.inbox.enabled", stringValue = "true")
public class TransactionalInbox {

    private final IncomingEvents incoming;
    private final AppliedEvents applied;

    public TransactionalInbox(IncomingEvents incoming, AppliedEvents applied) {
        this.incoming = incoming;
        this.applied = applied;
    }

    /** Applies the message's event once; consumers return what this returns (see {@link IncomingEvents#handle}). */
    public CompletionStage<Void> apply(Message<byte[]> message, String consumer, Consumer<EventEnvelope> handler) {
        return apply(message, consumer, event -> true, handler);
    }

    /**
     * As {@link #apply(Message, String, Consumer)}, for a consumer that reads only some of a topic's events: the
     * others are acknowledged without a transaction or a record of their id, as they change nothing.
     */
    public CompletionStage<Void> apply(Message<byte[]> message, String consumer, Predicate<OmsEvent> wanted,
                                       Consumer<EventEnvelope> handler) {
        return incoming.handle(message, consumer, event -> {
            if (wanted.test(event.data())) {
                applyOnce(consumer, event, handler);
            }
        });
    }

    private void applyOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> handler) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (applied.firstTime(consumer, event.id())) {
                handler.accept(event);
            }
        });
    }
}
