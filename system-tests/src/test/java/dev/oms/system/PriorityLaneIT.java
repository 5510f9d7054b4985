package dev.oms.system;

import dev.oms.system.OmsApi.OrderStats;
import dev.oms.system.OmsApi.OrderSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.oms.system.Figures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4, the priority lane: 50 orders placed through {@code POST /orders} while 20,000 imported orders drain.
 * Prints how long each took from the request to its terminal event (p50/p95/p99/max) and how much of the bulk
 * backlog was still there: figures, not assertions, since timings depend on the machine. It asserts only that
 * every one of the 50 settled, in the interactive lane. It measures whatever the system does, lane or no lane.
 */
class PriorityLaneIT {

    private static final int BULK_ORDERS = 20_000;
    private static final int INTERACTIVE_ORDERS = 50;
    private static final Duration SPACING = Duration.ofMillis(200);
    private static OmsSystem system;
    private static OmsApi api;

    @BeforeAll
    static void startSystem() throws Exception {
        system = OmsSystem.startSaga("PriorityLaneIT", Map.of());
        api = new OmsApi(system);
    }

    // Stops the system with most of the backlog still queued: draining it would prove nothing more.
    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void interactiveOrdersSettleWhileTheBulkBacklogDrains() throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        // Scarce stock as in the other tests: a real backlog has rejections in it too.
        GeneratedImport bulk = GeneratedImport.of(BULK_ORDERS, 20261122L, runId, 500);
        api.upsertProducts(bulk.catalog());
        OrderProgress progress = new OrderProgress(api, BULK_ORDERS + INTERACTIVE_ORDERS, Instant.now());
        api.importCsv("bulk-" + runId + ".csv", bulk.csv());
        OrderStats draining = progress.await("the bulk backlog draining", Duration.ofMinutes(3),
                stats -> stats.settled() >= BULK_ORDERS / 100);
        System.out.printf("PriorityLaneIT: placing %d orders, one every %d ms, with %s of %s bulk orders unsettled%n",
                INTERACTIVE_ORDERS, SPACING.toMillis(), count(BULK_ORDERS - draining.settled()), count(BULK_ORDERS));

        try (TerminalEventClock clock = TerminalEventClock.startAtEnd(system.bootstrapServers())) {
            Map<UUID, InteractiveOrders.Placed> placed = InteractiveOrders.placeSpaced(api, runId, bulk.plentifulProducts(),
                    INTERACTIVE_ORDERS, SPACING);
            OrderStats end = progress.await(INTERACTIVE_ORDERS + " interactive orders settled", Duration.ofMinutes(5),
                    stats -> placed.keySet().stream().allMatch(id -> clock.terminalAt(id).isPresent()));

            List<Long> latencies = new ArrayList<>();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Map.Entry<UUID, InteractiveOrders.Placed> sent : placed.entrySet()) {
                latencies.add(clock.terminalAt(sent.getKey()).orElseThrow() - sent.getValue().sentAtMillis());
                OrderSummary order = api.order(sent.getKey());
                assertTrue(order.settled(), order.externalOrderId() + " has a terminal event but is " + order.status());
                assertEquals("INTERACTIVE", order.lane(), "lane of " + order.externalOrderId());
                outcomes.merge(order.status(), 1, Integer::sum);
            }
            long bulkSettled = end.settled() - INTERACTIVE_ORDERS;
            System.out.printf("PriorityLaneIT: request -> terminal event of %d interactive orders: %s; outcomes %s%n",
                    INTERACTIVE_ORDERS, Latencies.of(latencies).summary(), outcomes);
            System.out.printf("PriorityLaneIT: bulk orders still unsettled when the last interactive one settled: %s of %s%n",
                    count(BULK_ORDERS - bulkSettled), count(BULK_ORDERS));
        }
    }
}
