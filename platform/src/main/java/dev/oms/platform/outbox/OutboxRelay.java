package dev.oms.platform.outbox;

import dev.oms.platform.config.OutboxConfig;
import dev.oms.platform.messaging.KafkaProducerHolder;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one {@link ShardRelay} thread per outbox shard. Each thread publishes its shard while it holds the shard's
 * lock and otherwise keeps trying to take it over, so with several replicas every shard has exactly one relay.
 * Commits wake the relays at once; an idle poll covers commits of other replicas.
 */
@ApplicationScoped
@IfBuildProperty(name = "oms.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final KafkaProducerHolder producers;
    private final OutboxConfig config;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeUps;

    private final OutboxMetrics metrics;

    public OutboxRelay(AgroalDataSource dataSource, KafkaProducerHolder producers, OutboxConfig config,
                       MeterRegistry registry) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.config = config;
        this.metrics = new OutboxMetrics(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.shards() < 1 || config.shards() > OutboxSlots.SLOTS) {
            throw new IllegalStateException("oms.outbox.shards must be between 1 and " + OutboxSlots.SLOTS);
        }
        running = true;
        for (int shard = 0; shard < config.shards(); shard++) {
            ShardRelay relay = new ShardRelay(dataSource, producers.producer(), shard, config.shards(), config.batchSize(),
                    metrics);
            Thread thread = new Thread(() -> run(relay), "outbox-relay-" + shard);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    // Before the producer closes: each relay drains what is committed in its shard, then gives the shard up.
    void stop(@Observes @Priority(4000) ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp();
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        long unfinished = threads.stream().filter(Thread::isAlive).count();
        if (unfinished > 0) {
            LOG.warnf("Outbox relay: %d shard(s) still publishing after %s; the next relay publishes the rest",
                    unfinished, config.drainTimeout());
        } else {
            LOG.info("Outbox relay stopped: everything committed in the shards it held is published");
        }
    }

    /** Every replica samples the whole backlog: the gauge answers "is anything stuck", wherever its shard runs. */
    @Scheduled(every = "10s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sampleBacklog() {
        try (Connection connection = dataSource.getConnection()) {
            metrics.backlog(OutboxTable.backlog(connection), Instant.now());
        } catch (SQLException e) {
            LOG.debugf(e, "Outbox backlog not sampled: database unavailable");
        }
    }

    void wakeUp() {
        synchronized (signal) {
            wakeUps++;
            signal.notifyAll();
        }
    }

    private void run(ShardRelay relay) {
        long seen = -1;
        try {
            while (true) {
                boolean stopping = !running;
                Duration wait = config.idlePoll();
                try {
                    if (!relay.tryAcquire()) {
                        if (stopping) {
                            return;
                        }
                        wait = config.lockRetry();
                    } else if (relay.publishBatch() == config.batchSize()) {
                        continue;
                    }
                } catch (OutboxPublishException e) {
                    LOG.warnf(e, "Outbox shard %d: %s; retrying in %s", relay.shard(), e.getMessage(), config.retryBackoff());
                    wait = config.retryBackoff();
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf(e, "Outbox shard %d: database unavailable; retrying in %s", relay.shard(), config.retryBackoff());
                    relay.close();
                    wait = config.retryBackoff();
                }
                if (stopping) {
                    return;
                }
                seen = awaitWork(seen, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            relay.close();
        }
    }

    /** Sleeps up to {@code wait} unless a commit woke the relays since {@code seen}; returns the wake-up count seen. */
    private long awaitWork(long seen, Duration wait) throws InterruptedException {
        synchronized (signal) {
            if (wakeUps == seen && running) {
                signal.wait(wait.toMillis());
            }
            return wakeUps;
        }
    }
}
