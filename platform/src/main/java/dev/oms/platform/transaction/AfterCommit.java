package dev.oms.platform.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current transaction has committed, or at once outside one: what happens after a state
 * change (waking the outbox relay, counting it in a metric) happens only if the change is kept, and once even
 * when a rolled-back transaction is retried.
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    public AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void run(Runnable action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** Like {@link #run}, but at most once per transaction for {@code key}, however often it is asked. */
    public void runOnce(Object key, Runnable action) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            if (transactions.getResource(key) != null) {
                return;
            }
            transactions.putResource(key, Boolean.TRUE);
        }
        run(action);
    }
}
