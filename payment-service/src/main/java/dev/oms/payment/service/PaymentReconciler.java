package dev.oms.payment.service;

import dev.oms.payment.config.PaymentConfig;
import dev.oms.platform.lifecycle.ShutdownSignal;
import dev.oms.payment.domain.AttemptKind;
import dev.oms.payment.domain.AttemptStatus;
import dev.oms.payment.domain.GatewaySale;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentAttempt;
import dev.oms.payment.domain.PaymentGateway;
import dev.oms.payment.domain.PaymentStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Settles payments left in doubt: PENDING for longer than {@code oms.payments.reconcile-after}, because the
 * process died around the sale request, or the webhook got lost or never came. Asks the gateway's own books and
 * applies what they say: a known answer through {@link PaymentProcessor#settle} (the webhook's own path, so the
 * webhook arriving too is a duplicate), a sale the gateway never received by requesting it again (the gateway is
 * idempotent on the payment id), an undecided sale not at all.
 * <p>
 * Each payment is its own transaction holding the payment's row lock, so the webhook, a void and another
 * replica's reconciler are safe to race it, and one payment that fails does not hold back the others.
 */
@ApplicationScoped
public class PaymentReconciler {

    private static final Logger LOG = Logger.getLogger(PaymentReconciler.class);
    /** Payments read per page: each is a gateway call, so pages stay short and no read is held open meanwhile. */
    private static final int BATCH = 50;
    /** The cursor before the first page. */
    private static final InDoubt START = new InDoubt(new UUID(0, 0), Instant.EPOCH);

    private final PaymentProcessor processor;
    private final PaymentGateway gateway;
    private final Duration reconcileAfter;
    private final ShutdownSignal shutdown;

    public PaymentReconciler(PaymentProcessor processor, PaymentGateway gateway, PaymentConfig config,
            ShutdownSignal shutdown) {
        this.processor = processor;
        this.gateway = gateway;
        this.reconcileAfter = config.reconcileAfter();
        this.shutdown = shutdown;
    }

    // The scheduler starts with the application and fires an interval job at once: that first pass is the
    // reconciliation after a restart, run off the startup thread so a slow gateway never delays readiness.
    @Scheduled(every = "${oms.payments.reconcile-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        reconcile();
    }

    /** One pass over the payments in doubt now; returns how many were settled or requested again. */
    public int reconcile() {
        Instant cutoff = Instant.now().minus(reconcileAfter);
        Tally tally = new Tally();
        InDoubt after = START;
        // The scheduler still fires while the service shuts down, after the database may be gone.
        while (!shutdown.stopping()) {
            List<InDoubt> page = page(cutoff, after);
            for (InDoubt payment : page) {
                if (shutdown.stopping()) {
                    break;
                }
                tally.count(reconcileSafely(payment.id()));
            }
            if (page.size() < BATCH) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        if (tally.reconciled() > 0) {
            LOG.infof("Payment reconciliation: %d settled from the gateway's books, %d requested again, "
                    + "%d left pending, %d failed", tally.settled, tally.requested, tally.leftPending,
                    tally.failed);
        }
        return tally.reconciled();
    }

    /**
     * The next page after the cursor, oldest first. A payment the pass leaves PENDING stays in the table, so the
     * pass moves on by (createdAt, id) rather than re-reading from the start.
     */
    private List<InDoubt> page(Instant cutoff, InDoubt after) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.getEntityManager()
                .createQuery("select p.id, p.createdAt from Payment p where p.status = :status and p.createdAt < :cutoff"
                        + " and (p.createdAt > :afterAt or (p.createdAt = :afterAt and p.id > :afterId))"
                        + " order by p.createdAt, p.id", Object[].class)
                .setParameter("status", PaymentStatus.PENDING)
                .setParameter("cutoff", cutoff)
                .setParameter("afterAt", after.createdAt())
                .setParameter("afterId", after.id())
                .setMaxResults(BATCH)
                .getResultStream()
                .map(row -> new InDoubt((UUID) row[0], (Instant) row[1]))
                .toList());
    }

    private Result reconcileSafely(UUID paymentId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> reconcileOne(paymentId));
        } catch (RuntimeException e) {
            // Rolled back and left PENDING: the next pass tries it again.
            LOG.errorf(e, "Reconciling payment %s failed; the next pass retries it", paymentId);
            return Result.FAILED;
        }
    }

    private Result reconcileOne(UUID paymentId) {
        Payment payment = Payment.findForUpdate(paymentId);
        if (payment == null || payment.status != PaymentStatus.PENDING) {
            return Result.SETTLED_MEANWHILE;
        }
        GatewaySale sale = gateway.lookup(paymentId);
        return switch (sale.state()) {
            case ANSWERED -> {
                processor.settle(sale.result());
                yield Result.SETTLED;
            }
            case UNKNOWN -> {
                PaymentAttempt.of(paymentId, AttemptKind.SALE, AttemptStatus.REQUESTED, null, Instant.now()).persist();
                gateway.requestSale(paymentId, payment.orderId, payment.amount());
                yield Result.REQUESTED;
            }
            case PENDING -> Result.LEFT_PENDING;
            case VOIDED -> {
                // We void only what we recorded as authorized, in the same transaction: someone voided this sale
                // at the gateway directly. Settling it would authorize money already given back; a person decides.
                LOG.warnf("Payment %s is PENDING but its sale was voided at the gateway; left for an operator", paymentId);
                yield Result.LEFT_PENDING;
            }
        };
    }

    private record InDoubt(UUID id, Instant createdAt) {
    }

    private enum Result {
        SETTLED, REQUESTED, LEFT_PENDING, SETTLED_MEANWHILE, FAILED
    }

    private static final class Tally {
        int settled;
        int requested;
        int leftPending;
        int failed;

        void count(Result result) {
            switch (result) {
                case SETTLED -> settled++;
                case REQUESTED -> requested++;
                case LEFT_PENDING -> leftPending++;
                case FAILED -> failed++;
                case SETTLED_MEANWHILE -> {
                    // The webhook (or another replica) was first: nothing left to do or to report.
                }
            }
        }

        int reconciled() {
            return settled + requested;
        }
    }
}
