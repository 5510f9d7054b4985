package dev.oms.order.service;

import dev.oms.events.StockLine;
import dev.oms.order.domain.Product;
import dev.oms.platform.ids.Uuids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stock moves by conditional updates only, one per SKU in SKU order, inside the transaction of the order's status
 * change: a reservation never drives available stock below zero and is committed or released exactly once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockLedger {

    /**
     * Locks the products of {@code skus} in SKU order. A batch of orders takes its locks up front this way, as every
     * single order does line by line, so two transactions touching the same products wait for each other instead of
     * deadlocking.
     */
    public void lockInSkuOrder(Collection<String> skus) {
        if (skus.isEmpty()) {
            return;
        }
        Product.getEntityManager()
                .createNativeQuery("SELECT sku FROM product WHERE sku IN (:skus) ORDER BY sku FOR UPDATE")
                .setParameter("skus", new TreeSet<>(skus))
                .getResultList();
    }

    /** Locks, as {@link #lockInSkuOrder}, the products that the lines of {@code orderIds} take. */
    public void lockProductsOf(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> skus = Product.getEntityManager()
                .createNativeQuery("SELECT DISTINCT sku FROM order_line WHERE order_id IN (:ids) AND sku IS NOT NULL")
                .setParameter("ids", orderIds.stream().map(Uuids::toBytes).toList())
                .getResultList();
        lockInSkuOrder(skus);
    }

    /** Reserves every line or none; returns the first SKU that is short, if any. */
    public Optional<String> reserve(List<StockLine> demand) {
        Instant now = Instant.now();
        List<StockLine> reserved = new ArrayList<>(demand.size());
        for (StockLine line : demand) {
            int changed = Product.update("reserved = reserved + ?1, updatedAt = ?2 where sku = ?3 and onHand - reserved >= ?1",
                    line.quantity(), now, line.sku());
            if (changed == 0) {
                release(reserved);
                return Optional.of(line.sku());
            }
            reserved.add(line);
        }
        return Optional.empty();
    }

    public void release(List<StockLine> demand) {
        Instant now = Instant.now();
        for (StockLine line : demand) {
            requireOne(Product.update("reserved = reserved - ?1, updatedAt = ?2 where sku = ?3 and reserved >= ?1",
                    line.quantity(), now, line.sku()), line);
        }
    }

    /** The goods are sold: they leave both on-hand and reserved. */
    public void commit(List<StockLine> demand) {
        Instant now = Instant.now();
        for (StockLine line : demand) {
            requireOne(Product.update("onHand = onHand - ?1, reserved = reserved - ?1, updatedAt = ?2 where sku = ?3 and reserved >= ?1",
                    line.quantity(), now, line.sku()), line);
        }
    }

    private static void requireOne(int changed, StockLine line) {
        if (changed != 1) {
            throw new IllegalStateException("stock of " + line.sku() + " does not hold the reserved " + line.quantity());
        }
    }
}
