package dev.oms.system;

import dev.oms.system.GeneratedImport.CatalogProduct;
import dev.oms.system.GeneratedImport.GeneratedOrder;
import dev.oms.system.OmsApi.PlaceOrder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Orders placed one by one through {@code POST /orders} at a steady pace, as a shop's checkout places them, each with
 * two lines of plentiful products at their catalog prices.
 */
final class InteractiveOrders {

    /** One placed order: when its request was sent (epoch millis) and what it should cost and take. */
    record Placed(long sentAtMillis, GeneratedOrder expected) {
    }

    private InteractiveOrders() {
    }

    /** Places {@code count} orders, one every {@code spacing}; returns them by order id, in the order placed. */
    static Map<UUID, Placed> placeSpaced(OmsApi api, String runId, List<CatalogProduct> products, int count,
                                         Duration spacing) throws InterruptedException {
        Map<UUID, Placed> placed = new LinkedHashMap<>();
        long nextNanos = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Thread.sleep(Math.max(0, (nextNanos - System.nanoTime()) / 1_000_000));
            nextNanos += spacing.toNanos();
            CatalogProduct first = products.get(i % products.size());
            CatalogProduct second = products.get((i + 1) % products.size());
            String externalOrderId = "INT-" + runId + "-" + i;
            PlaceOrder order = new PlaceOrder(externalOrderId,
                    new PlaceOrder.Customer("interactive" + i + "-" + runId + "@example.com", "Interactive " + i),
                    List.of(new PlaceOrder.Line(first.sku(), 1), new PlaceOrder.Line(second.sku(), 2)));
            Map<String, Integer> quantities = new TreeMap<>(Map.of(first.sku(), 1));
            quantities.merge(second.sku(), 2, Integer::sum);
            GeneratedOrder expected = new GeneratedOrder(externalOrderId,
                    first.unitPriceMinor() + 2 * second.unitPriceMinor(), quantities);
            long sentAt = System.currentTimeMillis();
            placed.put(api.placeOrder(order, "priority-" + runId + "-" + i).orderId(), new Placed(sentAt, expected));
        }
        return placed;
    }
}
