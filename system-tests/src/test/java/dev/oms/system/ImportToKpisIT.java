package dev.oms.system;

import dev.oms.system.OmsApi.OrderStats;
import dev.oms.system.OmsApi.OrderSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    private static OmsSystem system;
    private static OmsApi api;

    @BeforeAll
    static void startSystem() throws Exception {
        system = OmsSystem.start("ImportToKpisIT", Map.of("payment-service", Map.of("oms.payments.simulator.approval-rate", "0.9")));
        api = new OmsApi(system);
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
        GeneratedImport generated = GeneratedImport.of(ORDERS, 20261122L, runId, 5);
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC);
        api.upsertProducts(generated.catalog());

        UUID importId = api.importCsv("system-" + runId + ".csv", generated.csv()).importId();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                "COMPLETED".equals(api.importJob(importId).status()));
        OrderStats stats = new OrderProgress(api, ORDERS, Instant.now()).awaitAllSettled(Duration.ofMinutes(3));

        List<OrderSummary> paid = api.orders("PAID");
        assertTrue(paid.size() > ORDERS / 2, "most orders are paid: " + paid.size());
        assertTrue(stats.count("REJECTED") > 0, "scarce products reject some orders");
        paid.forEach(order -> assertEquals(generated.orders().get(order.orderId()).totalMinor(), order.total().amountMinor(),
                "total of order " + order.externalOrderId()));
        long paidGross = paid.stream().mapToLong(order -> order.total().amountMinor()).sum();

        KpiReconciliation.assertKpisMatchOrders(api, firstDay, stats, paidGross, Duration.ofMinutes(1));
        assertEquals(10, api.leaderboard(10).entries().size());
    }
}
