package dev.oms.platform.outbox;

import dev.oms.platform.tracing.TraceContext;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes one shard of the outbox. It works only while it holds the shard's database lock ({@code GET_LOCK},
 * tied to its own connection), so with several replicas exactly one relay publishes each shard and one order's
 * events never overtake each other. If the replica dies, its connection closes, the lock is freed, and another
 * replica's relay takes the shard over.
 * <p>
 * A row is marked published only after Kafka acknowledged it. A crash between send and mark re-sends it with the
 * same event id, which consumers recognise: at-least-once delivery, exactly-once effect. Not thread-safe: one
 * thread drives one shard relay.
 */
public class ShardRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ShardRelay.class);
    // Lock names are server-wide: the database name keeps two services (or two test databases) apart.
    private static final String LOCK_NAME = "CONCAT('oms-outbox:', DATABASE(), ':', ?)";

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final int shard;
    private final int shards;
    private final int batchSize;
    private final OutboxMetrics metrics;
    private Connection connection;

    public ShardRelay(DataSource dataSource, Producer<String, byte[]> producer, int shard, int shards, int batchSize,
                      OutboxMetrics metrics) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.shard = shard;
        this.shards = shards;
        this.batchSize = batchSize;
        this.metrics = metrics;
    }

    public int shard() {
        return shard;
    }

    public boolean holdsLock() {
        return connection != null;
    }

    /** Tries once, without waiting, to take the shard's lock; true when this relay holds it afterwards. */
    public boolean tryAcquire() throws SQLException {
        if (connection != null) {
            return true;
        }
        Connection candidate = dataSource.getConnection();
        try (PreparedStatement lock = candidate.prepareStatement("SELECT GET_LOCK(" + LOCK_NAME + ", 0)")) {
            candidate.setAutoCommit(true);
            lock.setString(1, lockSuffix());
            try (ResultSet result = lock.executeQuery()) {
                if (result.next() && result.getInt(1) == 1) {
                    connection = candidate;
                    LOG.infof("Outbox relay took shard %d of %d", shard, shards);
                    return true;
                }
            }
        } catch (SQLException | RuntimeException e) {
            candidate.close();
            throw e;
        }
        candidate.close();
        return false;
    }

    /**
     * Publishes the shard's oldest pending rows (interactive first) and marks those Kafka acknowledged; returns how
     * many were read. Throws when some could not be published; the acknowledged ones are marked all the same.
     */
    public int publishBatch() throws SQLException, InterruptedException {
        if (connection == null) {
            throw new IllegalStateException("shard " + shard + " is not held");
        }
        List<PendingRecord> rows = OutboxTable.pending(connection, shard, shards, batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (PendingRecord row : rows) {
            sends.add(producer.send(toRecord(row)));
        }
        producer.flush();
        List<PendingRecord> acknowledged = new ArrayList<>(rows.size());
        Throwable firstFailure = null;
        for (int i = 0; i < rows.size(); i++) {
            try {
                sends.get(i).get();
                acknowledged.add(rows.get(i));
            } catch (ExecutionException e) {
                firstFailure = firstFailure == null ? e.getCause() : firstFailure;
            }
        }
        Instant now = Instant.now();
        OutboxTable.markPublished(connection, acknowledged.stream().map(PendingRecord::seq).toList(), now);
        metrics.published(acknowledged, now);
        if (firstFailure != null) {
            throw new OutboxPublishException(rows.size() - acknowledged.size(), rows.size(), firstFailure);
        }
        return rows.size();
    }

    /** Gives the shard up (another replica may take it at once) and closes the connection. */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (Connection held = connection) {
            try (PreparedStatement release = held.prepareStatement("SELECT RELEASE_LOCK(" + LOCK_NAME + ")")) {
                release.setString(1, lockSuffix());
                release.executeQuery().close();
            }
        } catch (SQLException e) {
            // Closing the connection frees the lock anyway.
            LOG.debugf(e, "Releasing outbox shard %d", shard);
        } finally {
            connection = null;
        }
    }

    private String lockSuffix() {
        return shard + "/" + shards;
    }

    private static ProducerRecord<String, byte[]> toRecord(PendingRecord row) {
        RecordHeaders headers = new RecordHeaders();
        if (row.traceparent() != null) {
            headers.add(TraceContext.HEADER, row.traceparent().getBytes(StandardCharsets.US_ASCII));
        }
        return new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers);
    }
}
