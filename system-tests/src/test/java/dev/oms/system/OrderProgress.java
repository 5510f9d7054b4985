package dev.oms.system;

import dev.oms.system.OmsApi.OrderStats;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static dev.oms.system.Figures.count;

/**
 * Follows the orders through {@code /orders/stats}, printing where they stand every 15 s, so a run that stalls
 * shows in the test output where and when it stalled.
 */
final class OrderProgress {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);

    private final OmsApi api;
    private final long expectedOrders;
    private final Instant start;
    private Instant lastReport = Instant.EPOCH;

    OrderProgress(OmsApi api, long expectedOrders, Instant start) {
        this.api = api;
        this.expectedOrders = expectedOrders;
        this.start = start;
    }

    /** Waits until {@code condition} holds for the order statistics and returns the statistics that met it. */
    OrderStats await(String what, Duration atMost, Predicate<OrderStats> condition) {
        AtomicReference<OrderStats> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
                OrderStats stats = api.orderStats();
                last.set(stats);
                reportIfDue(stats);
                return condition.test(stats);
            });
            return last.get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + atMost + ": " + what + "; last seen " + describe(last.get()), e);
        }
    }

    OrderStats awaitAllSettled(Duration atMost) {
        return await("all " + count(expectedOrders) + " orders settled", atMost,
                stats -> stats.total() == expectedOrders && stats.midSaga() == 0);
    }

    /**
     * Waits until every order has settled and every payment has its answer. A system that never gets there is
     * not failed here: the invariants then name the orders it left behind, next to all the other figures.
     */
    OrderStats awaitQuiet(Duration atMost) {
        try {
            awaitAllSettled(atMost);
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.paymentTotals().count().get("PENDING") == 0);
            System.out.printf("quiet at +%.1fs%n", secondsSinceStart());
        } catch (AssertionError | ConditionTimeoutException e) {
            System.out.printf("NOT QUIET at +%.1fs: %s%n", secondsSinceStart(), e.getMessage());
        }
        OrderStats stats = api.orderStats();
        System.out.println("  " + describe(stats) + "; payments " + api.paymentTotals().count());
        return stats;
    }

    double secondsSinceStart() {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    String describe(OrderStats stats) {
        if (stats == null) {
            return "nothing (no answer from order-service)";
        }
        return "settled " + count(stats.settled()) + "/" + count(expectedOrders)
                + " (PAID " + count(stats.count("PAID")) + ", FAILED " + count(stats.count("FAILED"))
                + ", REJECTED " + count(stats.count("REJECTED")) + "), mid-saga " + count(stats.midSaga())
                + ", not yet received " + count(expectedOrders - stats.total());
    }

    private void reportIfDue(OrderStats stats) {
        Instant now = Instant.now();
        if (Duration.between(lastReport, now).compareTo(REPORT_EVERY) >= 0) {
            lastReport = now;
            System.out.printf("  +%.1fs %s%n", secondsSinceStart(), describe(stats));
        }
    }
}
