package dev.oms.platform.outbox;

import dev.oms.platform.ids.Uuids;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the {@code outbox} table (plain JDBC: rows are written in batches, outside Hibernate). */
public final class OutboxTable {

    private static final String INSERT = "INSERT INTO outbox (id, slot, priority, topic, record_key, payload, "
            + "traceparent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    // Interactive rows first, then by sequence: one order's rows share a slot and a priority, so they stay in order.
    private static final String SELECT_PENDING = "SELECT seq, topic, record_key, payload, traceparent, created_at FROM outbox "
            + "WHERE published_at IS NULL AND MOD(slot, ?) = ? ORDER BY priority, seq LIMIT ?";

    private OutboxTable() {
    }

    public static void insert(Connection connection, List<OutboxRecord> records, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxRecord record : records) {
                insert.setBytes(1, Uuids.toBytes(record.eventId()));
                insert.setInt(2, record.slot());
                insert.setInt(3, record.priority());
                insert.setString(4, record.topic());
                insert.setString(5, record.key());
                insert.setBytes(6, record.payload());
                insert.setString(7, record.traceparent());
                insert.setTimestamp(8, Timestamp.from(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The oldest unpublished rows of one shard, interactive ones first. */
    public static List<PendingRecord> pending(Connection connection, int shard, int shards, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
            select.setInt(1, shards);
            select.setInt(2, shard);
            select.setInt(3, limit);
            List<PendingRecord> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new PendingRecord(result.getLong(1), result.getString(2), result.getString(3),
                            result.getBytes(4), result.getString(5), result.getTimestamp(6).toInstant()));
                }
            }
            return rows;
        }
    }

    /** Rows not yet published, and when the oldest of them was committed (null when there is none). */
    public static Backlog backlog(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE published_at IS NULL");
             ResultSet result = select.executeQuery()) {
            result.next();
            Timestamp oldest = result.getTimestamp(2);
            return new Backlog(result.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    public record Backlog(long rows, Instant oldestCreatedAt) {
    }

    public static void markPublished(Connection connection, List<Long> sequences, Instant now) throws SQLException {
        if (sequences.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE outbox SET published_at = ? WHERE seq IN (");
        for (int i = 0; i < sequences.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        try (PreparedStatement update = connection.prepareStatement(sql.append(')').toString())) {
            update.setTimestamp(1, Timestamp.from(now));
            for (int i = 0; i < sequences.size(); i++) {
                update.setLong(i + 2, sequences.get(i));
            }
            update.executeUpdate();
        }
    }
}
