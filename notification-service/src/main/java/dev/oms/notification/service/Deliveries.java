package dev.oms.notification.service;

import dev.oms.events.Lane;
import dev.oms.events.NotificationFailed;
import dev.oms.events.NotificationSent;
import dev.oms.notification.domain.DeliveryStatus;
import dev.oms.notification.domain.Notification;
import dev.oms.notification.domain.RetryPolicy;
import dev.oms.platform.ids.Uuids;
import dev.oms.platform.metrics.CommittedMeters;
import dev.oms.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dispatcher's bookkeeping, each step in its own short transaction so that no connection or lock is held while a
 * notification is being sent. A claim marks due rows with a token and a lease (other dispatchers leave them alone until
 * it runs out); the outcome of a send is recorded only while that claim holds, together with NotificationSent or
 * NotificationFailed in the outbox when the row ends.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    // Rows another dispatcher is claiming right now are skipped, not waited for: replicas never block or deadlock
    // each other, and never claim the same row. SKIP LOCKED needs MySQL 8.0 or MariaDB 10.6 and later.
    private static final String DUE = """
            SELECT id FROM notification
            WHERE status = 'PENDING' AND next_attempt_at <= ?1 AND (claimed_until IS NULL OR claimed_until <= ?1)
            ORDER BY next_attempt_at
            LIMIT ?2
            FOR UPDATE SKIP LOCKED""";

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final CommittedMeters meters;

    public Deliveries(EntityManager entityManager, Outbox outbox, CommittedMeters meters) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** Claims up to {@code limit} due notifications for {@code lease}; returns them, the earliest due first. */
    public List<Notification> claimDue(int limit, Duration lease) {
        UUID token = UUID.randomUUID();
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<byte[]> due = entityManager.createNativeQuery(DUE)
                    .setParameter(1, now)
                    .setParameter(2, limit)
                    .getResultList();
            if (due.isEmpty()) {
                return List.of();
            }
            List<UUID> ids = due.stream().map(Uuids::fromBytes).toList();
            Notification.update("claimToken = ?1, claimedUntil = ?2 where id in ?3", token, now.plus(lease), ids);
            return Notification.<Notification>list("claimToken", Sort.by("nextAttemptAt").and("id"), token);
        });
    }

    /** Gives claimed rows that were not sent back at once (on shutdown), instead of when their lease runs out. */
    public void release(List<Notification> notifications) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Notification n : notifications) {
                Notification.update("claimToken = null, claimedUntil = null where id = ?1 and claimToken = ?2",
                        n.id, n.claimToken);
            }
        });
    }

    /** How one send went: {@code error} is null when it was delivered. */
    public record Outcome(Notification notification, String error, boolean permanent, Instant at) {

        public static Outcome sent(Notification notification, Instant at) {
            return new Outcome(notification, null, false, at);
        }

        public static Outcome failed(Notification notification, String error, boolean permanent, Instant at) {
            return new Outcome(notification, error, permanent, at);
        }
    }

    /**
     * Records the outcomes of a batch of sends in one transaction: one commit per batch, not per notification, as
     * sends are at least once anyway (a crash before this commit sends the batch again once its claim lapses).
     */
    public void record(List<Outcome> outcomes, RetryPolicy policy) {
        if (outcomes.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (Outcome outcome : outcomes) {
                if (outcome.error() == null) {
                    sent(outcome.notification(), outcome.at());
                } else {
                    failed(outcome.notification(), outcome.error(), outcome.permanent(), policy, outcome.at());
                }
            }
        });
    }

    private void sent(Notification n, Instant at) {
        int updated = Notification.update("status = ?1, attempts = attempts + 1, sentAt = ?2, claimToken = null, "
                        + "claimedUntil = null where id = ?3 and claimToken = ?4 and status = ?5",
                DeliveryStatus.SENT, at, n.id, n.claimToken, DeliveryStatus.PENDING);
        if (updated == 1) {
            outbox.add(new NotificationSent(n.id, n.eventId, n.orderId, n.type.name(), n.channel.key()), Lane.BULK);
            count(n, "sent");
        } else {
            lostClaim(n);
        }
    }

    /** A failed attempt: due again after the policy's back-off, or FAILED when no retry is left or useful. */
    private void failed(Notification n, String error, boolean permanent, RetryPolicy policy, Instant at) {
        String lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        int attempts = n.attempts + 1;
        Optional<Instant> next = permanent ? Optional.empty() : policy.nextAttempt(attempts, at);
        if (next.isPresent()) {
            int updated = Notification.update("attempts = attempts + 1, lastError = ?1, nextAttemptAt = ?2, "
                            + "claimToken = null, claimedUntil = null where id = ?3 and claimToken = ?4 and status = ?5",
                    lastError, next.get(), n.id, n.claimToken, DeliveryStatus.PENDING);
            if (updated == 1) {
                LOG.warnf("Notification %s (%s, %s) attempt %d failed: %s; next attempt at %s", n.id, n.type,
                        n.channel.key(), attempts, lastError, next.get());
                count(n, "retried");
            } else {
                lostClaim(n);
            }
            return;
        }
        int updated = Notification.update("status = ?1, attempts = attempts + 1, lastError = ?2, claimToken = null, "
                        + "claimedUntil = null where id = ?3 and claimToken = ?4 and status = ?5",
                DeliveryStatus.FAILED, lastError, n.id, n.claimToken, DeliveryStatus.PENDING);
        if (updated == 1) {
            LOG.errorf("Notification %s (%s, %s) FAILED after %d attempt(s): %s", n.id, n.type, n.channel.key(),
                    attempts, lastError);
            outbox.add(new NotificationFailed(n.id, n.eventId, n.orderId, n.type.name(), n.channel.key(), lastError),
                    Lane.BULK);
            count(n, "failed");
        } else {
            lostClaim(n);
        }
    }

    private void count(Notification n, String outcome) {
        meters.increment(Counter.builder("oms.notifications")
                .description("Notification attempts by outcome: sent, retried (a failed attempt to be repeated), failed")
                .tag("type", n.type.name())
                .tag("channel", n.channel.key())
                .tag("outcome", outcome));
    }

    // The lease ran out during the send and another dispatcher took the row over: it sends (again) and records it.
    private static void lostClaim(Notification n) {
        LOG.warnf("Notification %s: claim lost before its outcome was recorded (send took longer than the lease); "
                + "another dispatcher owns it now", n.id);
    }
}
