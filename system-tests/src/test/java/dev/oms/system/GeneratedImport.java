package dev.oms.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A canonical CSV of orders and, computed independently of OMS, what each order costs. Prices are decimal text
 * as shops export them; totals are summed here in integer cents.
 */
record GeneratedImport(String csv, Map<String, Long> totalByExternalId, List<Map<String, Object>> catalog) {

    static GeneratedImport of(int orders, long seed, String runId) {
        Random random = new Random(seed);
        List<Map<String, Object>> catalog = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<Long> prices = new ArrayList<>();
        for (int p = 0; p < 30; p++) {
            String sku = "SYS-" + runId + "-" + p;
            long priceMinor = 199 + random.nextInt(20_000);
            // A few scarce products so some orders end REJECTED OUT_OF_STOCK.
            int onHand = p < 3 ? 5 : 100_000;
            catalog.add(Map.of("sku", sku, "name", "System product " + runId + " " + p, "unitPriceMinor", priceMinor, "onHand", onHand));
            skus.add(sku);
            prices.add(priceMinor);
        }
        StringBuilder csv = new StringBuilder("order_id,customer_email,customer_name,sku,product_name,quantity,unit_price\n");
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int o = 0; o < orders; o++) {
            String orderId = "SYS-" + runId + "-" + o;
            int customer = random.nextInt(60);
            String email = "customer" + customer + "-" + runId + "@example.com";
            String name = "Customer \"" + customer + "\", Jr.";
            int lines = 1 + random.nextInt(3);
            long total = 0;
            for (int l = 0; l < lines; l++) {
                int product = random.nextInt(skus.size());
                int quantity = 1 + random.nextInt(4);
                long priceMinor = prices.get(product);
                total += priceMinor * quantity;
                csv.append(orderId).append(',').append(email).append(',')
                        .append('"').append(name.replace("\"", "\"\"")).append('"').append(',')
                        .append(skus.get(product)).append(',').append("Product ").append(product).append(',')
                        .append(quantity).append(',').append(BigDecimal.valueOf(priceMinor, 2).toPlainString()).append('\n');
            }
            totals.put(orderId, total);
        }
        return new GeneratedImport(csv.toString(), totals, catalog);
    }
}
