package dev.oms.platform.inbox;

import dev.oms.platform.ids.Uuids;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Records which event ids a consumer has applied, in the consumer's own transaction, so a redelivered or
 * re-published event is recognised and skipped. Needs {@code useAffectedRows=true} on the JDBC URL: Connector/J
 * otherwise reports "found" rows and a duplicate would look new.
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.inbox.enabled", stringValue = "true")
public class AppliedEvents {

    private static final String INSERT =
            "INSERT IGNORE INTO applied_event (consumer, event_id, applied_at) VALUES (?, ?, ?)";
    private static final String INSERT_NEW = "INSERT INTO applied_event (consumer, event_id, applied_at) VALUES (?, ?, ?)";

    private final AgroalDataSource dataSource;

    public AppliedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True the first time {@code consumer} sees {@code eventId}; must run inside the transaction that applies it. */
    public boolean firstTime(String consumer, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, consumer);
            insert.setBytes(2, Uuids.toBytes(eventId));
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record applied event " + eventId, e);
        }
    }

    /**
     * The ids among {@code eventIds} that {@code consumer} has not applied before, recorded as applied, in the caller's
     * transaction: one read and one multi-row insert for a whole batch instead of a statement per event. If another
     * transaction records one of them meanwhile, the insert fails (and the batch with it) rather than apply it twice.
     */
    public Set<UUID> firstTimes(String consumer, Collection<UUID> eventIds) {
        try (Connection connection = dataSource.getConnection()) {
            return firstTimes(connection, consumer, eventIds);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the applied events of a batch", e);
        }
    }

    static Set<UUID> firstTimes(Connection connection, String consumer, Collection<UUID> eventIds) throws SQLException {
        Set<UUID> fresh = new LinkedHashSet<>(eventIds);
        if (!fresh.isEmpty()) {
            fresh.removeAll(alreadyApplied(connection, consumer, fresh));
        }
        if (!fresh.isEmpty()) {
            record(connection, consumer, fresh);
        }
        return fresh;
    }

    private static Set<UUID> alreadyApplied(Connection connection, String consumer, Set<UUID> eventIds) throws SQLException {
        String sql = "SELECT event_id FROM applied_event WHERE consumer = ? AND event_id IN ("
                + String.join(",", Collections.nCopies(eventIds.size(), "?")) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, consumer);
            int index = 2;
            for (UUID eventId : eventIds) {
                select.setBytes(index++, Uuids.toBytes(eventId));
            }
            Set<UUID> applied = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    applied.add(Uuids.fromBytes(rows.getBytes(1)));
                }
            }
            return applied;
        }
    }

    private static void record(Connection connection, String consumer, Set<UUID> eventIds) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
            for (UUID eventId : eventIds) {
                insert.setString(1, consumer);
                insert.setBytes(2, Uuids.toBytes(eventId));
                insert.setTimestamp(3, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
