package dev.oms.order.service;

import dev.oms.events.StockLine;
import dev.oms.order.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stock moves by conditional updates only, one per SKU in SKU order, inside the transaction of the order's status
 * change: a reservation never drives available stock below zero and is committed or released exactly once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockLedger {

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
