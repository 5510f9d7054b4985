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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The idempotent consumer of services with a database: each event is applied in one transaction together with
 * the record of its id (and any outbox rows the handler writes), so it takes effect exactly once however often
 * it is delivered. A batch of records shares one transaction, whose ids are looked up and recorded for all of them
 * at once; when it fails, each record gets its own.
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
            /** The wanted events of the batch this consumer has not applied before: each is applied once. */
            private Set<UUID> firstTimes = new HashSet<>();

            @Override
            public void together(List<EventEnvelope> events, Runnable applyEach) {
                QuarkusTransaction.requiringNew().run(() -> {
                    firstTimes = applied.firstTimes(consumer,
                            events.stream().filter(event -> wanted.test(event.data())).map(EventEnvelope::id).toList());
                    applyEach.run();
                    beforeCommit.forEach(BeforeCommit::beforeCommit);
                });
            }

            @Override
            public void inBatch(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
                if (firstTimes.remove(event.id())) {
                    handler.accept(event);
                    forgetLoadedEntities();
                }
            }

            @Override
            public void alone(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
                if (wanted.test(event.data())) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (applied.firstTime(consumer, event.id())) {
                            handler.accept(event);
                        }
                        beforeCommit.forEach(BeforeCommit::beforeCommit);
                    });
                }
            }
        });
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
