package dev.oms.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.oms.cli.catalog.DecimalPrice;
import dev.oms.cli.http.Json;
import dev.oms.events.Ids;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.oms.cli.command.FakeServices.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulation against stand-ins of the services: the imported orders end PAID (every seventh FAILED), though the
 * first customer's first listing still shows them waiting for payment; refund-service first refuses a refund of an order it does not know as paid yet, then settles refunds (every third
 * declined), and analytics counts what happened on top of figures from before the run. A second analytics that
 * loses a completed refund must make the command list the differences and exit 1.
 */
class SimulateCommandTest {

    private static final int ORDERS = 60;
    private static final int REFUNDS = 12;
    private static final String OLD_CUSTOMER = "zed@old.example.com";

    @Test
    void importsRefundsAndFindsAnalyticsMovedByExactlyThisRun() throws IOException {
        try (FakeServices services = new FakeServices()) {
            Shop shop = new Shop(services, false);

            Cli.Result result = Cli.run(services.url(), "simulate", "--orders", Integer.toString(ORDERS),
                    "--refunds", Integer.toString(REFUNDS), "--seed", "5");

            String out = result.out();
            assertEquals(0, result.exitCode(), out + result.err());
            assertEquals(ORDERS, shop.orders.size());
            long customers = shop.orders.values().stream().map(order -> order.email).distinct().count();
            assertEquals(customers + 1, services.requests("GET", "/orders").size(), "the first customer's asked twice");
            List<FakeServices.Request> refundRequests = shop.refundRequests();
            assertEquals(REFUNDS + 1, refundRequests.size(), "one refused while the order was not known as paid");
            assertEquals(REFUNDS, refundRequests.stream().map(request -> request.header("Idempotency-Key")).distinct().count());
            assertEquals(REFUNDS, shop.refunds.size());
            long partial = shop.refunds.values().stream().filter(refund -> refund.amountMinor < refund.order.totalMinor).count();
            assertEquals(REFUNDS / 2, partial);
            assertTrue(shop.refunds.values().stream().allMatch(refund -> "PAID".equals(refund.order.status)));

            long paid = shop.orders.values().stream().filter(order -> order.status.equals("PAID")).count();
            assertTrue(out.contains("Refunding 12 of " + paid + " paid orders: 6 in full, 6 in part"), out);
            assertTrue(out.contains("Refunds by status: COMPLETED 8 · FAILED 4"), out);
            assertTrue(out.contains("KPIs for " + shop.today + " (UTC)\n  FIGURE"), out);
            assertRow(out, "orders completed", "3", Long.toString(3 + paid), Long.toString(3 + paid), "ok");
            assertRow(out, "refunds completed", "0", "8", "8", "ok");
            assertTrue(out.contains("Top customers by net spend (all time)\n  RANK  EXPECTED"), out);
            assertTrue(out.contains("Top customers by net spend (" + shop.today + ")\n  RANK  EXPECTED"), out);
            assertTrue(!out.contains("DIFF"), out);
            assertTrue(out.contains("Analytics moved by exactly this run: every figure as expected.\n"), out);
        }
    }

    @Test
    void exits1AndListsEveryDifferenceWhenAnalyticsLostARefund() throws IOException {
        try (FakeServices services = new FakeServices()) {
            Shop shop = new Shop(services, true);

            Cli.Result result = Cli.run(services.url(), "simulate", "--orders", Integer.toString(ORDERS),
                    "--refunds", Integer.toString(REFUNDS), "--seed", "5", "--analytics-wait", "1");

            String out = result.out();
            assertEquals(1, result.exitCode(), out + result.err());
            Refund lost = shop.lostRefund();
            assertRow(out, "refunds completed", "0", "8", "7", "DIFF");
            assertTrue(out.contains(" difference(s):\n"), out);
            assertTrue(out.contains("  " + shop.today + " refunds completed: expected 8, analytics 7\n"), out);
            assertTrue(out.contains("  leaderboard (all time) " + lost.order.email + ": expected net spend "), out);
            assertTrue(out.contains("  leaderboard (" + shop.today + ") " + lost.order.email + ": expected net spend "),
                    out);
            assertTrue(out.contains(" refunded: expected "), out);
        }
    }

    @Test
    void refusesMoreRefundsThanOrdersAndAShareOutsideZeroToOne() throws IOException {
        try (FakeServices services = new FakeServices()) {
            Cli.Result tooMany = Cli.run(services.url(), "simulate", "--orders", "10", "--refunds", "11");
            Cli.Result badShare = Cli.run(services.url(), "simulate", "--orders", "10", "--partial-share", "1.5");

            assertEquals(2, tooMany.exitCode());
            assertTrue(tooMany.err().contains("--refunds must be between 0 and --orders (10)"), tooMany.err());
            assertEquals(2, badShare.exitCode());
            assertTrue(badShare.err().contains("--partial-share must be between 0 and 1"), badShare.err());
            assertTrue(services.requests("POST", "/products/bulk").isEmpty());
        }
    }

    private static void assertRow(String out, String figure, String before, String expected, String actual,
                                  String check) {
        Pattern row = Pattern.compile("\n  " + figure + " +" + Pattern.quote(before) + " +" + Pattern.quote(expected)
                + " +" + Pattern.quote(actual) + "  " + check + "\n");
        assertTrue(row.matcher(out).find(), row + " in\n" + out);
    }

    private static final class Order {
        final String externalOrderId;
        final String email;
        final String name;
        final long totalMinor;
        final String status;
        final Instant at = Instant.now();

        Order(String externalOrderId, String email, String name, long totalMinor, String status) {
            this.externalOrderId = externalOrderId;
            this.email = email;
            this.name = name;
            this.totalMinor = totalMinor;
            this.status = status;
        }
    }

    private static final class Refund {
        final String refundId;
        final Order order;
        final long amountMinor;
        final String status;
        final Instant at = Instant.now();

        Refund(String refundId, Order order, long amountMinor, String status) {
            this.refundId = refundId;
            this.order = order;
            this.amountMinor = amountMinor;
            this.status = status;
        }
    }

    /** The services' state for one run, and the fake routes that show it; analytics counts on top of earlier figures. */
    private static final class Shop {

        final String today = LocalDate.now(ZoneOffset.UTC).toString();
        final Map<String, Order> orders = new LinkedHashMap<>();
        final Map<String, Refund> refunds = new ConcurrentHashMap<>();
        private final FakeServices services;
        private final boolean losesARefund;
        private final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
        private final Set<String> listedOnce = ConcurrentHashMap.newKeySet();

        Shop(FakeServices services, boolean losesARefund) {
            this.services = services;
            this.losesARefund = losesARefund;
            services.on("POST", "/products/bulk", request -> json("{\"created\":0,\"updated\":20}"));
            services.on("POST", "/imports", request -> {
                importOrders(request.bodyText());
                return new FakeServices.Reply(202, "application/json", """
                        {"importId":"job-sim","status":"COMPLETED","rowsRead":%d,"ordersPublished":%d,"rowsRejected":0}"""
                        .formatted(request.bodyText().lines().count() - 1, orders.size()));
            });
            services.on("GET", "/orders/stats", request -> json(orders.isEmpty()
                    ? "{\"total\":4,\"byStatus\":{\"PAID\":3,\"FAILED\":1}}"
                    : "{\"total\":%d,\"byStatus\":{\"PAID\":%d,\"FAILED\":%d}}".formatted(4 + orders.size(),
                    3 + count("PAID"), 1 + count("FAILED"))));
            services.on("GET", "/orders", this::listOrders);
            services.on("GET", "/kpis/daily", request -> json(kpis()));
            services.on("GET", "/leaderboard", request -> json(leaderboard(request.query().get("date"),
                    Integer.parseInt(request.query().get("limit")))));
        }

        private void importOrders(String csv) {
            Map<String, List<NamedCsvRecord>> rows = new LinkedHashMap<>();
            for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(csv)) {
                rows.computeIfAbsent(row.getField("order_id"), id -> new ArrayList<>()).add(row);
            }
            rows.forEach((id, lines) -> {
                long total = lines.stream().mapToLong(line -> Long.parseLong(line.getField("quantity"))
                        * DecimalPrice.parseMinor(line.getField("unit_price"))).sum();
                String status = orders.size() % 7 == 6 ? "FAILED" : "PAID";
                Order order = new Order(id, lines.get(0).getField("customer_email"),
                        lines.get(0).getField("customer_name"), total, status);
                orders.put(id, order);
                services.on("POST", "/orders/" + Ids.orderId(id) + "/refunds", request -> refund(order, request));
            });
        }

        private long count(String status) {
            return orders.values().stream().filter(order -> order.status.equals(status)).count();
        }

        /** The first listing is from before the saga ended: its orders still wait for their payment. */
        private FakeServices.Reply listOrders(FakeServices.Request request) {
            List<Order> ofCustomer = orders.values().stream()
                    .filter(order -> order.email.equals(request.query().get("customer"))).toList();
            boolean early = listedOnce.add("first");
            String items = ofCustomer.stream().map(order -> """
                    {"orderId":"%s","externalOrderId":"%s","status":"%s","customer":{"customerId":"%s","email":"%s",
                     "name":"%s"},"total":{"amountMinor":%d,"currency":"USD"},"paidAt":%s,"updatedAt":"%s"}"""
                    .formatted(Ids.orderId(order.externalOrderId), order.externalOrderId,
                            early ? "PAYMENT_PENDING" : order.status,
                            Ids.customerId(order.email), order.email, order.name, order.totalMinor,
                            order.status.equals("PAID") ? "\"" + order.at + "\"" : "null", order.at))
                    .collect(Collectors.joining(","));
            return json("{\"items\":[%s],\"page\":0,\"size\":200,\"total\":%d}".formatted(items, ofCustomer.size()));
        }

        /** The first request is refused as refund-service would before it learns the order was paid. */
        private FakeServices.Reply refund(Order order, FakeServices.Request request) {
            if (refusedOnce.add("first")) {
                return FakeServices.problem(422, """
                        {"status":422,"title":"Unprocessable","detail":"order is not a paid order"}""");
            }
            try {
                JsonNode body = Json.mapper().readTree(request.body());
                String refundId = "r-" + (refunds.size() + 1);
                String status = refunds.size() % 3 == 2 ? "FAILED" : "COMPLETED";
                Refund refund = new Refund(refundId, order, body.get("amountMinor").asLong(), status);
                refunds.put(refundId, refund);
                services.on("GET", "/refunds/" + refundId, poll -> json(refundJson(refund, refund.status)));
                return new FakeServices.Reply(202, "application/json", refundJson(refund, "PENDING"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String refundJson(Refund refund, String status) {
            return """
                    {"refundId":"%s","orderId":"%s","amount":{"amountMinor":%d,"currency":"USD"},"status":"%s",
                     "reason":"r","updatedAt":"%s"}""".formatted(refund.refundId,
                    Ids.orderId(refund.order.externalOrderId), refund.amountMinor, status, refund.at);
        }

        List<FakeServices.Request> refundRequests() {
            return orders.keySet().stream()
                    .flatMap(id -> services.requests("POST", "/orders/" + Ids.orderId(id) + "/refunds").stream())
                    .toList();
        }

        /** The completed refund analytics misses when it loses one: the first. */
        Refund lostRefund() {
            return completedRefunds().get(0);
        }

        private List<Refund> completedRefunds() {
            return refunds.values().stream().filter(refund -> refund.status.equals("COMPLETED"))
                    .sorted(Comparator.comparing(refund -> Integer.parseInt(refund.refundId.substring(2))))
                    .toList();
        }

        private List<Refund> countedRefunds() {
            List<Refund> completed = completedRefunds();
            return losesARefund && !completed.isEmpty() ? completed.subList(1, completed.size()) : completed;
        }

        /** Three paid orders ($90.00) and a failed one before the run; then this run's orders and refunds. */
        private String kpis() {
            long paid = 3 + count("PAID");
            long gross = 9_000 + orders.values().stream().filter(o -> o.status.equals("PAID")).mapToLong(o -> o.totalMinor).sum();
            long refunded = countedRefunds().stream().mapToLong(refund -> refund.amountMinor).sum();
            return """
                    {"date":"%s","zone":"UTC","currency":"USD","ordersCompleted":%d,"ordersFailed":%d,"ordersCancelled":0,
                     "grossRevenueMinor":%d,"refundedMinor":%d,"netRevenueMinor":%d,"averageOrderValueMinor":%d,
                     "refundsCompleted":%d}""".formatted(today, paid, 1 + count("FAILED"), gross, refunded,
                    gross - refunded, (2 * gross + paid) / (2 * paid), countedRefunds().size());
        }

        /** A customer from before the run ($90.00), then this run's customers; the same on both boards here. */
        private String leaderboard(String date, int limit) {
            Map<String, Long> spend = new LinkedHashMap<>();
            Map<String, Order> customer = new LinkedHashMap<>();
            spend.put(OLD_CUSTOMER, 9_000L);
            orders.values().stream().filter(order -> order.status.equals("PAID")).forEach(order -> {
                spend.merge(order.email, order.totalMinor, Long::sum);
                customer.put(order.email, order);
            });
            countedRefunds().forEach(refund -> spend.merge(refund.order.email, -refund.amountMinor, Long::sum));
            List<Map.Entry<String, Long>> ranked = spend.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                            .thenComparing(entry -> Ids.customerId(entry.getKey()).toString()))
                    .limit(limit).toList();
            List<String> entries = new ArrayList<>();
            for (Map.Entry<String, Long> entry : ranked) {
                String name = customer.containsKey(entry.getKey()) ? customer.get(entry.getKey()).name : "Zed";
                entries.add("""
                        {"rank":%d,"customerId":"%s","name":"%s","email":"%s","netSpendMinor":%d}"""
                        .formatted(entries.size() + 1, Ids.customerId(entry.getKey()), name, entry.getKey(),
                                entry.getValue()));
            }
            return "{\"scope\":\"%s\",\"entries\":[%s]}".formatted(date == null ? "all" : date, String.join(",", entries));
        }
    }
}
