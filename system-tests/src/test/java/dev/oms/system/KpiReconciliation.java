package dev.oms.system;

import dev.oms.system.OmsApi.DailyKpis;
import dev.oms.system.OmsApi.OrderStats;
import dev.oms.system.OmsApi.PaidDay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToLongFunction;

import static dev.oms.system.Figures.count;
import static dev.oms.system.Figures.money;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Analytics' KPIs against the orders of record: in total against order-service's counts and the PAID orders' sum,
 * and day by day against order-service's paid-daily report, average order value included.
 */
final class KpiReconciliation {

    private KpiReconciliation() {
    }

    /**
     * Waits until analytics has caught up with the settled orders, then checks every day from {@code firstDay} to
     * today (UTC, the shop's zone in tests). Returns the figures compared, for the test's report.
     */
    static String assertKpisMatchOrders(OmsApi api, LocalDate firstDay, OrderStats orders, long paidGrossMinor, Duration atMost) {
        List<LocalDate> days = firstDay.datesUntil(LocalDate.now(ZoneOffset.UTC).plusDays(1)).toList();
        long paid = orders.count("PAID");
        long failed = orders.count("REJECTED") + orders.count("FAILED");
        long cancelled = orders.count("CANCELLED");
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<DailyKpis> kpis = days.stream().map(api::kpis).toList();
            assertEquals(paid, sum(kpis, DailyKpis::ordersCompleted), "KPI ordersCompleted = PAID orders");
            assertEquals(paidGrossMinor, sum(kpis, DailyKpis::grossRevenueMinor), "KPI grossRevenueMinor = sum of PAID orders");
            assertEquals(failed, sum(kpis, DailyKpis::ordersFailed), "KPI ordersFailed = REJECTED + FAILED orders");
            assertEquals(cancelled, sum(kpis, DailyKpis::ordersCancelled), "KPI ordersCancelled = CANCELLED orders");
        });
        for (PaidDay day : api.paidDaily(days.get(0), days.get(days.size() - 1))) {
            DailyKpis kpis = api.kpis(day.date());
            assertEquals(day.paidOrders(), kpis.ordersCompleted(), "orders completed on " + day.date());
            assertEquals(day.grossRevenueMinor(), kpis.grossRevenueMinor(), "gross revenue on " + day.date());
            long averageOrderValue = BigDecimal.valueOf(day.grossRevenueMinor())
                    .divide(BigDecimal.valueOf(day.paidOrders()), 0, RoundingMode.HALF_UP).longValueExact();
            assertEquals(averageOrderValue, kpis.averageOrderValueMinor(), "average order value on " + day.date());
        }
        return "KPIs over " + days.size() + " day(s): ordersCompleted " + count(paid) + " = PAID " + count(paid)
                + "; gross " + money(paidGrossMinor) + " = paid " + money(paidGrossMinor)
                + "; ordersFailed " + count(failed) + " = REJECTED + FAILED; ordersCancelled " + count(cancelled)
                + "; each day = /reports/paid-daily, average order value included";
    }

    private static long sum(List<DailyKpis> kpis, ToLongFunction<DailyKpis> field) {
        return kpis.stream().mapToLong(field).sum();
    }
}
