package dev.oms.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.oms.cli.catalog.DecimalPrice;
import dev.oms.cli.demo.DemoCatalog;
import dev.oms.cli.http.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.oms.cli.command.FakeServices.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo against stand-ins of the services that behave like the real ones would for one import: the uploaded
 * orders arrive, finish their saga (the first is rejected, the rest are paid), and both order-service and
 * analytics report the paid orders' revenue computed from the uploaded file.
 */
class DemoCommandTest {

    private static final int ORDERS = 25;

    @Test
    void importsGeneratedOrdersWaitsForTheSagaAndChecksTheKpis() throws IOException {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, Long> grossByOrder = new LinkedHashMap<>();
        AtomicInteger statsAfterImport = new AtomicInteger();
        try (FakeServices services = new FakeServices()) {
            services.on("POST", "/products/bulk", request -> json("{\"created\":20,\"updated\":0}"));
            services.on("POST", "/imports", request -> {
                grossByOrder.putAll(grossByOrder(request.bodyText()));
                return new FakeServices.Reply(202, "application/json", """
                        {"importId":"job-demo","status":"COMPLETED","rowsRead":%d,"ordersPublished":%d,"rowsRejected":0}"""
                        .formatted(request.bodyText().lines().count() - 1, grossByOrder.size()));
            });
            services.on("GET", "/orders/stats", request -> {
                if (grossByOrder.isEmpty()) {
                    return json("{\"total\":5,\"byStatus\":{\"PAID\":4,\"PAYMENT_PENDING\":1}}");
                }
                long imported = grossByOrder.size();
                // First look: all arrived, but most still waiting for payment.
                return statsAfterImport.incrementAndGet() == 1
                        ? json("{\"total\":%d,\"byStatus\":{\"PAID\":5,\"REJECTED\":1,\"PAYMENT_PENDING\":%d}}"
                        .formatted(5 + imported, imported))
                        : json("{\"total\":%d,\"byStatus\":{\"PAID\":%d,\"REJECTED\":1,\"PAYMENT_PENDING\":1}}"
                        .formatted(5 + imported, 4 + imported - 1));
            });
            services.on("GET", "/kpis/daily", request -> json("""
                    {"date":"%s","zone":"UTC","currency":"USD","ordersCompleted":%d,"ordersFailed":1,"ordersCancelled":0,
                     "grossRevenueMinor":%d,"refundedMinor":0,"netRevenueMinor":%d,"averageOrderValueMinor":1,
                     "refundsCompleted":0}""".formatted(today, paidOrders(grossByOrder), paidGross(grossByOrder),
                    paidGross(grossByOrder))));
            services.on("GET", "/reports/paid-daily", request -> json("""
                    [{"date":"%s","paidOrders":%d,"grossRevenueMinor":%d,"currency":"USD"}]"""
                    .formatted(request.query().get("from"), paidOrders(grossByOrder), paidGross(grossByOrder))));
            services.on("GET", "/leaderboard", request -> json("""
                    {"scope":"%s","entries":[{"rank":1,"customerId":"c1","name":"Ada Lovelace",
                     "email":"ada.lovelace@demo.example.com","netSpendMinor":%d}]}"""
                    .formatted(request.query().get("date"), paidGross(grossByOrder))));

            Cli.Result result = Cli.run(services.url(), "demo", "--orders", Integer.toString(ORDERS), "--seed", "7");

            assertEquals(0, result.exitCode(), result.out() + result.err());
            assertEquals(ORDERS, grossByOrder.size());
            JsonNode catalog = Json.mapper().readTree(services.requests("POST", "/products/bulk").get(0).body());
            assertEquals(DemoCatalog.PRODUCTS.size(), catalog.get("products").size());
            assertTrue(services.requests("GET", "/orders/stats").size() >= 3, "stats before, while and after the saga");
            String out = result.out();
            assertTrue(out.contains("25 of 25 orders settled: PAID 24 · REJECTED 1 in "), out);
            assertTrue(out.contains("KPIs for " + today + " (UTC)"), out);
            assertTrue(out.contains("Top customers by net spend (" + today + ")"), out);
            assertTrue(out.contains("KPIs match order-service: yes (24 paid orders, "), out);
            assertTrue(out.contains("order-service         " + services.url() + "  " + services.url() + "/q/openapi"), out);
        }
    }

    /** Each order's total, in file order: the fake's own reading of the uploaded CSV. */
    private static Map<String, Long> grossByOrder(String csv) {
        Map<String, Long> gross = new LinkedHashMap<>();
        for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(csv)) {
            long amount = Long.parseLong(row.getField("quantity")) * DecimalPrice.parseMinor(row.getField("unit_price"));
            gross.merge(row.getField("order_id"), amount, Long::sum);
        }
        return gross;
    }

    /** All but the first order are paid. */
    private static long paidOrders(Map<String, Long> grossByOrder) {
        return Math.max(0, grossByOrder.size() - 1);
    }

    private static long paidGross(Map<String, Long> grossByOrder) {
        return grossByOrder.values().stream().skip(1).mapToLong(Long::longValue).sum();
    }
}
