package dev.oms.order.service;

import dev.oms.events.StockLine;
import dev.oms.order.domain.StockMoves;
import dev.oms.order.domain.StockMoves.SkuChange;
import dev.oms.platform.inbox.BeforeCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stock moves of a transaction, decided as they are asked for and written by {@link #writeMoves} at its end (see
 * {@link StockMoves}): a batch of orders holds the product rows only while it writes one conditional update per SKU,
 * so interactive orders never wait for a whole bulk batch. A reservation never drives available stock below zero and
 * is committed or released exactly once, in the transaction of the order's status change. The inbox writes the moves
 * of the transactions it runs ({@link BeforeCommit}); any other transaction that moves stock calls
 * {@link #writeMoves} last, and one that does not is rolled back rather than lose them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockLedger implements BeforeCommit {

    private static final Logger LOG = Logger.getLogger(StockLedger.class);

    private final TransactionSynchronizationRegistry transaction;
    private final EntityManager entities;

    public StockLedger(TransactionSynchronizationRegistry transaction, EntityManager entities) {
        this.transaction = transaction;
        this.entities = entities;
    }

    /** Reserves every line or none; returns the first SKU that is short, if any, as the demand spells it. */
    public Optional<String> reserve(List<StockLine> demand) {
        StockMoves moves = movesOfThisTransaction();
        Set<String> unread = moves.unread(demand);
        if (!unread.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entities.createNativeQuery("SELECT sku, on_hand - reserved FROM product WHERE sku IN (:skus)")
                    .setParameter("skus", unread)
                    .getResultList();
            rows.forEach(row -> moves.read((String) row[0], ((Number) row[1]).intValue()));
            // A SKU without a row has no stock (a read keeps the first figure it gets).
            unread.forEach(sku -> moves.read(sku, 0));
        }
        return moves.reserve(demand);
    }

    public void release(List<StockLine> demand) {
        movesOfThisTransaction().release(demand);
    }

    /** The goods are sold: they leave both on-hand and reserved. */
    public void commit(List<StockLine> demand) {
        movesOfThisTransaction().sell(demand);
    }

    private StockMoves movesOfThisTransaction() {
        StockMoves moves = (StockMoves) transaction.getResource(StockMoves.class);
        if (moves == null) {
            StockMoves fresh = new StockMoves();
            transaction.putResource(StockMoves.class, fresh);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (fresh.hasUnwrittenChanges()) {
                        IllegalStateException unwritten = new IllegalStateException(
                                "stock moves were never written (StockLedger.writeMoves); the transaction is rolled back");
                        LOG.error(unwritten.getMessage(), unwritten);
                        throw unwritten;
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // Nothing to undo: written moves commit or roll back with the transaction.
                }
            });
            moves = fresh;
        }
        return moves;
    }

    @Override
    public void beforeCommit() {
        writeMoves();
    }

    /**
     * Writes the moves of this transaction, last: everything else it writes goes first, so the product rows are its
     * last locks and it never waits for an order row while holding a product.
     */
    public void writeMoves() {
        StockMoves moves = (StockMoves) transaction.getResource(StockMoves.class);
        if (moves == null || !moves.hasUnwrittenChanges()) {
            return;
        }
        entities.flush();
        Instant now = Instant.now();
        for (SkuChange change : moves.takeChanges()) {
            int changed = entities.createNativeQuery("""
                            UPDATE product SET on_hand = on_hand - :sold, reserved = reserved + :reservedDelta, updated_at = :now
                            WHERE sku = :sku AND on_hand - reserved >= :availableNeeded AND reserved >= :reservedNeeded""")
                    .setParameter("sold", change.sold())
                    .setParameter("reservedDelta", change.reservedDelta())
                    .setParameter("now", now)
                    .setParameter("sku", change.sku())
                    .setParameter("availableNeeded", change.availableNeeded())
                    .setParameter("reservedNeeded", change.reservedNeeded())
                    .executeUpdate();
            if (changed != 1) {
                // The moves are taken: a caller catching this must not commit the rest of them.
                transaction.setRollbackOnly();
                throw new IllegalStateException(change.reserved() > 0
                        ? "stock of " + change.sku() + " was taken since it was read: " + change
                        : "stock of " + change.sku() + " does not hold the reserved units for " + change);
            }
        }
    }
}
