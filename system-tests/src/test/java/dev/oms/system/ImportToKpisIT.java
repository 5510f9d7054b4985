package dev.oms.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation's end-to-end flow, black box: a CSV of 1,000 orders goes in over HTTP; every order ends in a
 * terminal state; analytics' KPIs equal the sums over the PAID orders, computed here from order-service's API
 * and from the CSV itself.
 */
class ImportToKpisIT {

    private static final int ORDERS = 1_000;
    private static final Set<String> PENDING = Set.of("RECEIVED", "STOCK_RESERVED", "PAYMENT_PENDING");
    private static OmsSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = OmsSystem.start(Map.of("payment-service", Map.of("oms.payments.simulator.approval-rate", "0.9")));
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void importedOrdersEndTerminalAndKpisEqualThePaidOrders() {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        GeneratedImport generated = GeneratedImport.of(ORDERS, 20261122L, runId);
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC);
        given().baseUri(system.url("order-service")).contentType(ContentType.JSON)
                .body(Map.of("products", generated.catalog())).post("/products/bulk").then().statusCode(200);

        String importId = given().baseUri(system.url("import-service")).contentType("text/csv")
                .queryParam("fileName", "system-" + runId + ".csv").body(generated.csv())
                .post("/imports").then().statusCode(202).extract().path("importId");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                "COMPLETED".equals(given().baseUri(system.url("import-service")).get("/imports/{id}", importId).path("status")));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonPath stats = given().baseUri(system.url("order-service")).get("/orders/stats").jsonPath();
            return stats.getLong("total") == ORDERS && PENDING.stream().allMatch(s -> stats.getLong("byStatus." + s) == 0);
        });

        Map<String, Long> paidTotals = paidOrderTotals();
        JsonPath stats = given().baseUri(system.url("order-service")).get("/orders/stats").jsonPath();
        long failed = stats.getLong("byStatus.REJECTED") + stats.getLong("byStatus.FAILED");
        assertTrue(paidTotals.size() > ORDERS / 2, "most orders are paid: " + paidTotals.size());
        assertTrue(stats.getLong("byStatus.REJECTED") > 0, "scarce products reject some orders");
        paidTotals.forEach((externalId, total) ->
                assertEquals(generated.totalByExternalId().get(externalId), total, "total of order " + externalId));
        long expectedGross = paidTotals.values().stream().mapToLong(Long::longValue).sum();

        Set<LocalDate> days = new TreeSet<>(List.of(firstDay, LocalDate.now(ZoneOffset.UTC)));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(paidTotals.size(), sumKpi(days, "ordersCompleted")));
        assertEquals(expectedGross, sumKpi(days, "grossRevenueMinor"));
        assertEquals(failed, sumKpi(days, "ordersFailed"));

        for (Map<String, Object> day : paidDaily(days)) {
            LocalDate date = LocalDate.parse((String) day.get("date"));
            JsonPath kpis = kpis(date);
            long paid = ((Number) day.get("paidOrders")).longValue();
            long gross = ((Number) day.get("grossRevenueMinor")).longValue();
            assertEquals(paid, kpis.getLong("ordersCompleted"), "orders completed on " + date);
            assertEquals(gross, kpis.getLong("grossRevenueMinor"), "gross revenue on " + date);
            assertEquals(BigDecimal.valueOf(gross).divide(BigDecimal.valueOf(paid), 0, RoundingMode.HALF_UP).longValueExact(),
                    kpis.getLong("averageOrderValueMinor"), "average order value on " + date);
        }
        List<Map<String, Object>> leaders = given().baseUri(system.url("analytics-service"))
                .get("/leaderboard?limit=10").then().statusCode(200).extract().path("entries");
        assertEquals(10, leaders.size());
    }

    private static Map<String, Long> paidOrderTotals() {
        Map<String, Long> totals = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonPath body = given().baseUri(system.url("order-service"))
                    .get("/orders?status=PAID&size=200&page=" + page).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            for (Map<String, Object> item : items) {
                @SuppressWarnings("unchecked")
                Map<String, Object> total = (Map<String, Object>) item.get("total");
                totals.put((String) item.get("externalOrderId"), ((Number) total.get("amountMinor")).longValue());
            }
            if (items.size() < 200) {
                return totals;
            }
        }
    }

    private static List<Map<String, Object>> paidDaily(Set<LocalDate> days) {
        LocalDate first = days.iterator().next();
        LocalDate last = ((TreeSet<LocalDate>) days).last();
        return given().baseUri(system.url("order-service")).get("/reports/paid-daily?from=" + first + "&to=" + last)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static long sumKpi(Set<LocalDate> days, String field) {
        return days.stream().mapToLong(day -> kpis(day).getLong(field)).sum();
    }

    private static JsonPath kpis(LocalDate date) {
        return given().baseUri(system.url("analytics-service")).get("/kpis/daily?date=" + date)
                .then().statusCode(200).extract().jsonPath();
    }
}
