package dev.oms.platform.housekeeping;

import dev.oms.platform.ids.Uuids;
import dev.oms.platform.PlatformTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pruning against a real MariaDB/MySQL with the platform's tables. */
class TablePrunerTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(7));

    private static PlatformTestDatabase database;

    @BeforeAll
    static void start() throws Exception {
        database = new PlatformTestDatabase("oms_housekeeping");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void deletesOnlyRowsOlderThanTheCutoffInSmallBatchesAndKeepsUnpublishedOutboxRows() throws Exception {
        String consumer = "pruner-test-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            appliedEvent(consumer, CUTOFF.minus(Duration.ofHours(1 + i)));
        }
        appliedEvent(consumer, CUTOFF.plus(Duration.ofHours(1)));
        String topic = "pruner-test-" + System.nanoTime();
        outboxRow(topic, CUTOFF.minus(Duration.ofDays(1)), CUTOFF.minus(Duration.ofDays(1)));
        outboxRow(topic, CUTOFF.minus(Duration.ofDays(1)), null);
        outboxRow(topic, NOW, NOW);

        TablePruner pruner = new TablePruner(database.dataSource, 2, Duration.ofMillis(1));

        assertEquals(5, pruner.prune(new PrunedTable("applied_event", "applied_at"), CUTOFF));
        assertEquals(1, count("SELECT COUNT(*) FROM applied_event WHERE consumer = ?", consumer));
        assertEquals(1, pruner.prune(new PrunedTable("outbox", "published_at"), CUTOFF));
        assertEquals(2, count("SELECT COUNT(*) FROM outbox WHERE topic = ?", topic), "recent and unpublished rows stay");
        assertEquals(1, count("SELECT COUNT(*) FROM outbox WHERE topic = ? AND published_at IS NULL", topic));
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> new PrunedTable("outbox; DROP TABLE outbox", "published_at"));
        assertThrows(IllegalArgumentException.class, () -> new PrunedTable("outbox", "published_at < NOW() OR 1"));
    }

    private static void appliedEvent(String consumer, Instant at) throws SQLException {
        try (Connection connection = database.dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO applied_event (consumer, event_id, applied_at) VALUES (?, ?, ?)")) {
            insert.setString(1, consumer);
            insert.setBytes(2, Uuids.toBytes(Uuids.timeOrdered()));
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private static void outboxRow(String topic, Instant createdAt, Instant publishedAt) throws SQLException {
        try (Connection connection = database.dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox (id, topic, record_key, payload, created_at, published_at) VALUES (?, ?, 'k', ?, ?, ?)")) {
            insert.setBytes(1, Uuids.toBytes(Uuids.timeOrdered()));
            insert.setString(2, topic);
            insert.setBytes(3, new byte[] {1});
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.setTimestamp(5, publishedAt == null ? null : Timestamp.from(publishedAt));
            insert.executeUpdate();
        }
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection connection = database.dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
