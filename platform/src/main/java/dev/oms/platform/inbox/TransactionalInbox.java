package dev.oms.platform.inbox;

import dev.oms.events.EventEnvelope;
import dev.oms.events.OmsEvent;
import dev.oms.platform.messaging.BatchHandler;
import dev.oms.platform.messaging.IncomingEvents;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The idempotent consumer of services with a database: each event is applied in one transaction together with
 * the record of its id (and any outbox rows the handler writes), so it takes effect exactly once however often
 * it is delivered. A batch of records shares one transaction; when it fails, each record gets its own.
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.inbox.enabled", stringValue = "true")
public class TransactionalInbox {

    private final IncomingEvents incoming;
    private final AppliedEvents applied;
    private final Instance<EntityManager> entityManager;
    private final Instance<BeforeCommit> beforeCommit;

    public TransactionalInbox(IncomingEvents incoming, AppliedEvents applied, Instance<EntityManager> entityManager,
                              Instance<BeforeCommit> beforeCommit) {
        this.incoming = incoming;
        this.applied = applied;
        this.entityManager = entityManager;
        this.beforeCommit = beforeCommit;
    }

    /**
     * Applies each event of the batch once, for a consumer that reads only some of a topic's events (the others
     * change nothing and leave no record of their id); consumers return what this returns (see
     * {@link IncomingEvents#handleBatch}).
     */
    public CompletionStage<Void> applyBatch(Message<List<byte[]>> batch, String consumer, Predicate<OmsEvent> wanted,
                                            Consumer<EventEnvelope> handler) {
        return incoming.handleBatch(batch, consumer, new BatchHandler() {
            @Override
            public void together(List<EventEnvelope> events, Runnable applyEach) {
                QuarkusTransaction.requiringNew().run(() -> {
                    applyEach.run();
                    beforeCommit.forEach(BeforeCommit::beforeCommit);
                });
            }

            @Override
            public void inBatch(EventEnvelope event) {
                if (wanted.test(event.data())) {
                    applyFirstTime(consumer, event, handler);
                    forgetLoadedEntities();
                }
            }

            @Override
            public void alone(EventEnvelope event) {
                if (wanted.test(event.data())) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        applyFirstTime(consumer, event, handler);
                        beforeCommit.forEach(BeforeCommit::beforeCommit);
                    });
                }
            }
        });
    }

    private void applyFirstTime(String consumer, EventEnvelope event, Consumer<EventEnvelope> handler) {
        if (applied.firstTime(consumer, event.id())) {
            handler.accept(event);
        }
    }

    /**
     * Writes what the event changed and empties the persistence context, so the next event of the batch reads rows
     * as they are now, exactly as if it had a transaction of its own (a bulk update does not refresh loaded entities).
     */
    private void forgetLoadedEntities() {
        if (entityManager.isResolvable()) {
            EntityManager entities = entityManager.get();
            entities.flush();
            entities.clear();
        }
    }
}
