package dev.oms.system;

import dev.oms.events.Ids;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A canonical CSV of orders and, computed independently of OMS, what each order costs and which goods it takes.
 * Prices are decimal text as shops export them; totals are summed here in integer cents. The first
 * {@value #SCARCE_PRODUCTS} products are scarce, so some orders end REJECTED OUT_OF_STOCK.
 */
record GeneratedImport(String csv, Map<UUID, GeneratedOrder> orders, List<CatalogProduct> catalog) {

    private static final int SCARCE_PRODUCTS = 3;
    private static final int PRODUCTS = 30;
    private static final int PLENTY = 100_000;

    /** A product as {@code POST /products/bulk} takes it. */
    record CatalogProduct(String sku, String name, long unitPriceMinor, int onHand) {
    }

    /** One order of the CSV: its external id, total and the quantity of each SKU it takes. */
    record GeneratedOrder(String externalOrderId, long totalMinor, Map<String, Integer> quantityBySku) {
    }

    /**
     * @param scarceOnHand the stock of each scarce product: small runs out at once, larger runs out mid-import,
     *                     so reservations compete for the last units and released stock is taken again
     */
    static GeneratedImport of(int orders, long seed, String runId, int scarceOnHand) {
        return of(orders, seed, runId, scarceOnHand, 3);
    }

    /** As above, with 1 to {@code maxLines} lines per order. */
    static GeneratedImport of(int orders, long seed, String runId, int scarceOnHand, int maxLines) {
        Random random = new Random(seed);
        List<CatalogProduct> catalog = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            long priceMinor = 199 + random.nextInt(20_000);
            catalog.add(new CatalogProduct("SYS-" + runId + "-" + p, "System product " + runId + " " + p, priceMinor,
                    p < SCARCE_PRODUCTS ? scarceOnHand : PLENTY));
        }
        StringBuilder csv = new StringBuilder("order_id,customer_email,customer_name,sku,product_name,quantity,unit_price\n");
        Map<UUID, GeneratedOrder> generated = new LinkedHashMap<>();
        for (int o = 0; o < orders; o++) {
            String externalOrderId = "SYS-" + runId + "-" + o;
            int customer = random.nextInt(60);
            String email = "customer" + customer + "-" + runId + "@example.com";
            String name = "Customer \"" + customer + "\", Jr.";
            int lines = 1 + random.nextInt(maxLines);
            long total = 0;
            Map<String, Integer> quantities = new TreeMap<>();
            for (int l = 0; l < lines; l++) {
                CatalogProduct product = catalog.get(random.nextInt(PRODUCTS));
                int quantity = 1 + random.nextInt(4);
                total += product.unitPriceMinor() * quantity;
                quantities.merge(product.sku(), quantity, Integer::sum);
                csv.append(externalOrderId).append(',').append(email).append(',')
                        .append('"').append(name.replace("\"", "\"\"")).append('"').append(',')
                        .append(product.sku()).append(',').append(product.name()).append(',')
                        .append(quantity).append(',').append(BigDecimal.valueOf(product.unitPriceMinor(), 2).toPlainString())
                        .append('\n');
            }
            generated.put(Ids.orderId(externalOrderId), new GeneratedOrder(externalOrderId, total, quantities));
        }
        return new GeneratedImport(csv.toString(), generated, catalog);
    }

    /** The same import with {@code more} orders that came another way (e.g. {@code POST /orders}) expected beside its own. */
    GeneratedImport plus(Map<UUID, GeneratedOrder> more) {
        Map<UUID, GeneratedOrder> all = new LinkedHashMap<>(orders);
        all.putAll(more);
        return new GeneratedImport(csv, all, catalog);
    }

    List<CatalogProduct> scarceProducts() {
        return catalog.subList(0, SCARCE_PRODUCTS);
    }

    /** Products no order can run out of, for orders that must not be rejected. */
    List<CatalogProduct> plentifulProducts() {
        return catalog.subList(SCARCE_PRODUCTS, catalog.size());
    }
}
