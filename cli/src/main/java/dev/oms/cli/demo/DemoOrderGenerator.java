package dev.oms.cli.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.oms.cli.format.MoneyFormat;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Writes demo orders in the canonical import format, one row per line item, rows of an order together.
 * The same seed and prefix give the same file: {@link Random} is specified to produce the same sequence
 * for a seed on every JVM.
 */
public final class DemoOrderGenerator {

    public static final List<String> HEADER = List.of(
            "order_id", "customer_email", "customer_name", "sku", "product_name", "quantity", "unit_price");

    private final List<DemoProduct> products;
    private final List<DemoCustomer> customers;

    public DemoOrderGenerator(List<DemoProduct> products, List<DemoCustomer> customers) {
        if (products.size() < DemoCatalog.MAX_LINES_PER_ORDER) {
            throw new IllegalArgumentException("need at least " + DemoCatalog.MAX_LINES_PER_ORDER + " products");
        }
        this.products = products;
        this.customers = customers;
    }

    /**
     * Writes {@code orders} orders with ids {@code <prefix>-000001}, … and returns the number of rows (line items).
     * Each order has 1–3 lines of distinct products, quantities 1–3, at catalog prices.
     */
    public long write(Writer target, String orderIdPrefix, int orders, long seed) throws IOException {
        return write(target, orderIdPrefix, orders, seed, order -> { });
    }

    /** As {@link #write(Writer, String, int, long)}, telling {@code written} of each order once its rows are written. */
    public long write(Writer target, String orderIdPrefix, int orders, long seed, Consumer<GeneratedOrder> written)
            throws IOException {
        Random random = new Random(seed);
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(target);
        csv.writeRecord(HEADER);
        long rows = 0;
        for (int n = 1; n <= orders; n++) {
            String orderId = String.format(Locale.ROOT, "%s-%06d", orderIdPrefix, n);
            DemoCustomer customer = customers.get(random.nextInt(customers.size()));
            int lines = 1 + random.nextInt(DemoCatalog.MAX_LINES_PER_ORDER);
            long totalMinor = 0;
            for (DemoProduct product : distinctProducts(random, lines)) {
                int quantity = 1 + random.nextInt(DemoCatalog.MAX_QUANTITY);
                csv.writeRecord(orderId, customer.email(), customer.name(), product.sku(), product.name(),
                        Integer.toString(quantity), MoneyFormat.plainDecimal(product.unitPriceMinor()));
                totalMinor = Math.addExact(totalMinor, Math.multiplyExact(quantity, product.unitPriceMinor()));
                rows++;
            }
            written.accept(new GeneratedOrder(orderId, customer, totalMinor));
        }
        csv.flush();
        return rows;
    }

    private List<DemoProduct> distinctProducts(Random random, int count) {
        List<DemoProduct> remaining = new ArrayList<>(products);
        List<DemoProduct> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(remaining.remove(random.nextInt(remaining.size())));
        }
        return chosen;
    }
}
