package dev.oms.order.domain;

import dev.oms.events.OrderLine;
import dev.oms.events.StockLine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quantity an order needs of each SKU, in SKU order, as its events carry it ({@code StockReserved}); the order in
 * which transactions write product rows is {@link StockMoves}'.
 */
public final class StockDemand {

    private StockDemand() {
    }

    public static List<StockLine> of(List<OrderLine> lines) {
        Map<String, Integer> bySku = new TreeMap<>();
        for (OrderLine line : lines) {
            bySku.merge(line.sku(), line.quantity(), Math::addExact);
        }
        return bySku.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
    }
}
