package dev.oms.platform.outbox;

import dev.oms.platform.config.OutboxConfig;
import dev.oms.platform.messaging.KafkaProducerHolder;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in batches, oldest first, and marks them published only after Kafka
 * acknowledged every record of the batch. A crash between send and mark re-sends the batch with the same event
 * ids, which consumers recognise: at-least-once delivery, exactly-once effect.
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT_PENDING =
            "SELECT seq, topic, record_key, payload, traceparent FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?";

    private final AgroalDataSource dataSource;
    private final KafkaProducerHolder producers;
    private final OutboxConfig config;
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    public OutboxRelay(AgroalDataSource dataSource, KafkaProducerHolder producers, OutboxConfig config) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    // Before the producer closes: the relay drains what is committed, then stops.
    void stop(@Observes @Priority(4000) ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp();
        thread.join(TimeUnit.SECONDS.toMillis(15));
    }

    void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (true) {
            boolean stopping = !running;
            try {
                int published = publishBatch();
                if (published == config.batchSize()) {
                    continue;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Outbox publish failed; retrying in %s", config.retryBackoff());
                pause(config.retryBackoff().toMillis());
            }
            if (stopping) {
                return;
            }
            awaitWork();
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<Long> sequences = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
                    select.setInt(1, config.batchSize());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            sequences.add(rows.getLong(1));
                            sends.add(producers.producer().send(toRecord(rows)));
                        }
                    }
                }
                if (sequences.isEmpty()) {
                    return 0;
                }
                awaitAcks(sends);
                markPublished(connection, sequences);
                return sequences.size();
            }
        });
    }

    private static ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        RecordHeaders headers = new RecordHeaders();
        String traceparent = row.getString(5);
        if (traceparent != null) {
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(row.getString(2), null, row.getString(3), row.getBytes(4), headers);
    }

    private void awaitAcks(List<Future<RecordMetadata>> sends) throws InterruptedException {
        producers.producer().flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused an outbox record", e.getCause());
            }
        }
    }

    private static void markPublished(Connection connection, List<Long> sequences) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE outbox SET published_at = ? WHERE seq IN (");
        for (int i = 0; i < sequences.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        try (PreparedStatement update = connection.prepareStatement(sql.append(')').toString())) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            for (int i = 0; i < sequences.size(); i++) {
                update.setLong(i + 2, sequences.get(i));
            }
            update.executeUpdate();
        }
    }

    private void awaitWork() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(config.idlePoll().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
