package dev.oms.analytics.rest;

import dev.oms.analytics.domain.DailyKpis;

import java.time.LocalDate;
import java.util.List;

/**
 * The KPIs of each business day from {@code from} to {@code to} (both included), and their totals: the counts and
 * amounts added up, the average order value over the whole range (gross ÷ completed, half-up).
 */
public record KpiRangeResponse(LocalDate from, LocalDate to, String zone, String currency, List<DailyKpisResponse> days,
                               Totals totals) {

    public record Totals(long ordersCompleted, long ordersFailed, long ordersCancelled, long grossRevenueMinor,
                         long refundedMinor, long netRevenueMinor, long averageOrderValueMinor, long refundsCompleted) {

        static Totals of(DailyKpis sum) {
            return new Totals(sum.ordersCompleted(), sum.ordersFailed(), sum.ordersCancelled(), sum.grossRevenueMinor(),
                    sum.refundedMinor(), sum.netRevenueMinor(), sum.averageOrderValueMinor(), sum.refundsCompleted());
        }
    }
}
