package dev.oms.platform.outbox;

import dev.oms.events.EventEnvelope;
import dev.oms.events.Lane;
import dev.oms.events.OmsEvent;
import dev.oms.platform.config.ServiceIdentity;
import dev.oms.platform.ids.Uuids;
import dev.oms.platform.tracing.TraceContext;
import dev.oms.platform.transaction.AfterCommit;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records events in the outbox table inside the caller's transaction: the state change and the events it causes
 * commit together or not at all, and the relay publishes them afterwards.
 * <p>
 * Call it after the state change's compare-and-set: the CAS takes the row lock first, so a later transaction on
 * the same order gets a later outbox sequence number and its events are published after these.
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.outbox.enabled", stringValue = "true")
public class Outbox {

    private static final Object WAKE_RELAY_KEY = new Object();

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final ServiceIdentity service;
    private final OutboxRelay relay;
    private final AfterCommit afterCommit;

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
                  ServiceIdentity service, OutboxRelay relay, AfterCommit afterCommit) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.service = service;
        this.relay = relay;
        this.afterCommit = afterCommit;
    }

    /** Adds one event of an order travelling in {@code lane}; returns its envelope (the event id is fixed from now on). */
    public EventEnvelope add(OmsEvent event, Lane lane) {
        return addAll(List.of(event), lane).get(0);
    }

    /** Adds the events of one order travelling in {@code lane}, in order; returns their envelopes. */
    public List<EventEnvelope> addAll(List<? extends OmsEvent> events, Lane lane) {
        requireTransaction();
        Instant now = Instant.now();
        String traceparent = TraceContext.current().orElse(null);
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        List<OutboxRecord> records = new ArrayList<>(events.size());
        for (OmsEvent event : events) {
            EventEnvelope envelope = EventEnvelope.of(Uuids.timeOrdered(), service.name(), now, event);
            envelopes.add(envelope);
            records.add(OutboxRecord.of(envelope, lane, traceparent));
        }
        try (Connection connection = dataSource.getConnection()) {
            OutboxTable.insert(connection, records, now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the outbox", e);
        }
        afterCommit.runOnce(WAKE_RELAY_KEY, relay::wakeUp);
        return envelopes;
    }

    private void requireTransaction() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("the outbox must be written inside the transaction of the state change");
        }
    }
}
