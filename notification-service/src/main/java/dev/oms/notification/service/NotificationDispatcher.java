package dev.oms.notification.service;

import dev.oms.notification.channel.Channels;
import dev.oms.notification.channel.Delivery;
import dev.oms.notification.channel.DeliveryException;
import dev.oms.notification.config.NotificationConfig;
import dev.oms.notification.domain.Notification;
import dev.oms.notification.domain.RetryPolicy;
import dev.oms.platform.lifecycle.ShutdownSignal;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends due notifications on one thread: claims a batch, sends each on its channel outside any transaction, and
 * records each outcome (SENT, a retry with back-off, or FAILED). Sends are at least once: a crash between a send and
 * its record sends it again once the claim's lease has run out, with the same event id.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);

    private final NotificationConfig.Dispatcher config;
    private final RetryPolicy retryPolicy;
    private final Deliveries deliveries;
    private final Channels channels;
    private final ShutdownSignal shutdown;
    private ScheduledExecutorService executor;

    public NotificationDispatcher(NotificationConfig config, Deliveries deliveries, Channels channels,
                                  ShutdownSignal shutdown) {
        this.config = config.dispatcher();
        this.retryPolicy = config.retryPolicy();
        this.deliveries = deliveries;
        this.channels = channels;
        this.shutdown = shutdown;
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notification-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::dispatchDueSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    // After the shutdown signal, before the outbox relay (4000) flushes the events of the last outcomes recorded.
    void stop(@Observes @Priority(3) ShutdownEvent event) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The notification dispatcher is still sending; its claims lapse after the lease and are sent again");
        }
    }

    // A scheduled task that throws is never run again: every failure is logged and the next run tries afresh.
    private void dispatchDueSafely() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warn("The notification dispatcher could not dispatch; trying again", e);
        }
    }

    /** Sends everything due now, batch after batch, until a batch comes back short or the service stops. */
    void dispatchDue() {
        while (!shutdown.stopping()) {
            List<Notification> batch = deliveries.claimDue(config.batchSize(), config.claimLease());
            List<Deliveries.Outcome> outcomes = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (shutdown.stopping()) {
                    deliveries.record(outcomes, retryPolicy);
                    deliveries.release(batch.subList(i, batch.size()));
                    return;
                }
                outcomes.add(send(batch.get(i), channels));
            }
            // A failure to record is not a failed send: the claims lapse and the batch is sent again.
            deliveries.record(outcomes, retryPolicy);
            if (batch.size() < config.batchSize()) {
                return;
            }
        }
    }

    private static Deliveries.Outcome send(Notification notification, Channels channels) {
        try {
            channels.of(notification.channel).send(Delivery.of(notification));
            return Deliveries.Outcome.sent(notification, Instant.now());
        } catch (DeliveryException e) {
            return Deliveries.Outcome.failed(notification, e.getMessage(), e.permanent(), Instant.now());
        } catch (RuntimeException e) {
            return Deliveries.Outcome.failed(notification, e.toString(), false, Instant.now());
        }
    }
}
