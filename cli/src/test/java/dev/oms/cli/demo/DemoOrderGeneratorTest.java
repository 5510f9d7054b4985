package dev.oms.cli.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.oms.cli.catalog.DecimalPrice;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoOrderGeneratorTest {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]+");

    private final DemoOrderGenerator generator = new DemoOrderGenerator(DemoCatalog.PRODUCTS, DemoCatalog.CUSTOMERS);

    @Test
    void theSameSeedGivesTheSameFileAndAnotherSeedAnotherOne() throws IOException {
        assertEquals(generate("run", 200, 42), generate("run", 200, 42));
        assertNotEquals(generate("run", 200, 42), generate("run", 200, 43));
    }

    @Test
    void writesValidCanonicalRowsWithOrdersContiguous() throws IOException {
        StringWriter csv = new StringWriter();
        long rowsWritten = generator.write(csv, "demo-1", 500, 7);

        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(csv.toString()).stream().toList();
        assertEquals(DemoOrderGenerator.HEADER, records.get(0).getFields());
        List<CsvRecord> rows = records.subList(1, records.size());
        assertEquals(rowsWritten, rows.size());

        Map<String, DemoProduct> catalog = DemoCatalog.PRODUCTS.stream()
                .collect(Collectors.toMap(DemoProduct::sku, product -> product));
        Map<String, String> nameByEmail = new HashMap<>();
        Map<String, List<CsvRecord>> orders = new LinkedHashMap<>();
        String previousOrder = null;
        for (CsvRecord row : rows) {
            assertEquals(7, row.getFieldCount(), row.toString());
            String orderId = row.getField(0);
            if (!orderId.equals(previousOrder)) {
                assertTrue(!orders.containsKey(orderId), "rows of order " + orderId + " are not contiguous");
            }
            previousOrder = orderId;
            orders.computeIfAbsent(orderId, id -> new ArrayList<>()).add(row);

            assertTrue(EMAIL.matcher(row.getField(1)).matches(), row.getField(1));
            String knownName = nameByEmail.putIfAbsent(row.getField(1), row.getField(2));
            assertTrue(knownName == null || knownName.equals(row.getField(2)), "one name per email");
            DemoProduct product = catalog.get(row.getField(3));
            assertTrue(product != null, "unknown sku " + row.getField(3));
            assertEquals(product.name(), row.getField(4));
            int quantity = Integer.parseInt(row.getField(5));
            assertTrue(quantity >= 1 && quantity <= DemoCatalog.MAX_QUANTITY, "quantity " + quantity);
            assertEquals(product.unitPriceMinor(), DecimalPrice.parseMinor(row.getField(6)));
        }

        assertEquals(500, orders.size());
        assertEquals("demo-1-000001", orders.keySet().iterator().next());
        assertTrue(orders.containsKey("demo-1-000500"));
        for (List<CsvRecord> lines : orders.values()) {
            assertTrue(lines.size() >= 1 && lines.size() <= DemoCatalog.MAX_LINES_PER_ORDER);
            Set<String> skus = lines.stream().map(line -> line.getField(3)).collect(Collectors.toSet());
            assertEquals(lines.size(), skus.size(), "an order names each product once");
            assertEquals(1, lines.stream().map(line -> line.getField(1)).distinct().count(), "one customer per order");
        }
        assertTrue(nameByEmail.size() > 40 && nameByEmail.size() <= 50, "customers used: " + nameByEmail.size());
        Set<Integer> lineCounts = new HashSet<>();
        orders.values().forEach(lines -> lineCounts.add(lines.size()));
        assertEquals(Set.of(1, 2, 3), lineCounts);
    }

    @Test
    void tellsOfEachOrderWithItsCustomerAndTheTotalOfItsRows() throws IOException {
        StringWriter csv = new StringWriter();
        List<GeneratedOrder> told = new ArrayList<>();
        generator.write(csv, "sim-1", 300, 11, told::add);

        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, String> emails = new HashMap<>();
        for (CsvRecord row : CsvReader.builder().ofCsvRecord(csv.toString()).stream().skip(1).toList()) {
            totals.merge(row.getField(0), Long.parseLong(row.getField(5)) * DecimalPrice.parseMinor(row.getField(6)),
                    Long::sum);
            emails.put(row.getField(0), row.getField(1));
        }
        assertEquals(List.copyOf(totals.keySet()), told.stream().map(GeneratedOrder::externalOrderId).toList());
        for (GeneratedOrder order : told) {
            assertEquals(totals.get(order.externalOrderId()), order.totalMinor(), order.externalOrderId());
            assertEquals(emails.get(order.externalOrderId()), order.customer().email());
        }
        StringWriter again = new StringWriter();
        generator.write(again, "sim-1", 300, 11);
        assertEquals(again.toString(), csv.toString(), "telling changes nothing in the file");
    }

    @Test
    void theCatalogHasTwentyProductsFiftyCustomersAndStockForEveryOrder() {
        assertEquals(20, DemoCatalog.PRODUCTS.stream().map(DemoProduct::sku).distinct().count());
        assertEquals(50, DemoCatalog.CUSTOMERS.stream().map(DemoCustomer::email).distinct().count());
        DemoCatalog.productsStockedFor(1_000).forEach(product ->
                assertTrue(product.onHand() >= 1_000L * DemoCatalog.MAX_QUANTITY, product.toString()));
    }

    private String generate(String prefix, int orders, long seed) throws IOException {
        StringWriter csv = new StringWriter();
        generator.write(csv, prefix, orders, seed);
        return csv.toString();
    }
}
