package dev.oms.order.service;

import dev.oms.order.domain.Order;
import dev.oms.order.domain.OrderStatus;
import dev.oms.platform.lifecycle.ShutdownSignal;
import dev.oms.platform.logging.OrderLogContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fails orders whose payment did not come by their deadline and releases their stock. Each order is its own
 * compare-and-set transaction, so a payment applied at the same moment and a second replica's sweeper are safe.
 */
@ApplicationScoped
public class PaymentTimeoutSweeper {

    private static final Logger LOG = Logger.getLogger(PaymentTimeoutSweeper.class);
    private static final int BATCH = 500;

    private final OrderSaga saga;
    private final StockLedger stock;
    private final ShutdownSignal shutdown;

    public PaymentTimeoutSweeper(OrderSaga saga, StockLedger stock, ShutdownSignal shutdown) {
        this.saga = saga;
        this.stock = stock;
        this.shutdown = shutdown;
    }

    @Scheduled(every = "${oms.orders.payment-timeout-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        // The scheduler still fires while the service shuts down, after the database may be gone.
        if (shutdown.stopping()) {
            return;
        }
        List<UUID> overdue = QuarkusTransaction.requiringNew().call(() -> Order.getEntityManager()
                .createQuery("select o.id from Order o where o.status = :status and o.paymentDueAt <= :now order by o.paymentDueAt", UUID.class)
                .setParameter("status", OrderStatus.PAYMENT_PENDING)
                .setParameter("now", Instant.now())
                .setMaxResults(BATCH)
                .getResultList());
        for (UUID orderId : overdue) {
            if (shutdown.stopping()) {
                return;
            }
            try {
                OrderLogContext.run(orderId, () -> QuarkusTransaction.requiringNew().run(() -> {
                    saga.onPaymentTimedOut(orderId);
                    stock.writeMoves();
                }));
            } catch (RuntimeException e) {
                // One order that cannot be failed right now must not hold back the others; the next sweep retries it.
                LOG.errorf(e, "Payment timeout of order %s failed; will retry", orderId);
            }
        }
        if (!overdue.isEmpty()) {
            LOG.infof("Payment timeout: %d order(s) failed with PAYMENT_TIMEOUT", overdue.size());
        }
    }
}
