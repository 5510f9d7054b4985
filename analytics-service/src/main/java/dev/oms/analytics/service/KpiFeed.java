package dev.oms.analytics.service;

import dev.oms.analytics.config.AnalyticsConfig;
import dev.oms.analytics.domain.KpiSnapshot;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Today's KPIs and top customers as a live stream: a new subscriber gets the current snapshot at once, then one
 * whenever the numbers change, at most every {@link #INTERVAL}. One poller reads Redis for every subscriber (and
 * not at all without one); it reads rather than listens to this replica's consumer, because with several replicas
 * each applies only its own partitions.
 */
@ApplicationScoped
public class KpiFeed {

    static final Duration INTERVAL = Duration.ofMillis(250);
    static final int TOP_CUSTOMERS = 10;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(KpiFeed.class);

    private final KpiQueries queries;
    private final AnalyticsConfig config;
    private final Set<MultiEmitter<? super KpiSnapshot>> subscribers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "analytics-kpi-feed");
        thread.setDaemon(true);
        return thread;
    });
    private volatile KpiSnapshot last;

    public KpiFeed(KpiQueries queries, AnalyticsConfig config) {
        this.queries = queries;
        this.config = config;
        poller.scheduleWithFixedDelay(this::poll, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Multi<KpiSnapshot> follow() {
        // On the poller's thread, as every later snapshot: a subscriber never sees an older one after a newer one.
        return Multi.createFrom().emitter(emitter -> {
            emitter.onTermination(() -> subscribers.remove(emitter));
            poller.execute(() -> {
                try {
                    emitter.emit(current());
                    subscribers.add(emitter);
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
        });
    }

    /** Today's snapshot, read now (on the poller's thread, which may wait). */
    public KpiSnapshot current() {
        LocalDate today = LocalDate.now(config.zone());
        return Uni.combine().all().unis(queries.daily(today), queries.leaderboard(Optional.of(today), TOP_CUSTOMERS))
                .with((kpis, top) -> new KpiSnapshot(today, kpis, top))
                .await().atMost(READ_TIMEOUT);
    }

    private void poll() {
        if (subscribers.isEmpty()) {
            last = null;
            return;
        }
        try {
            KpiSnapshot snapshot = current();
            if (!snapshot.equals(last)) {
                last = snapshot;
                subscribers.forEach(subscriber -> subscriber.emit(snapshot));
            }
        } catch (RuntimeException e) {
            // Redis away for a moment: the subscribers keep their last snapshot and the next poll tries again.
            LOG.warnf("Cannot read the KPIs for the live feed: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
        subscribers.forEach(MultiEmitter::complete);
    }
}
