package dev.oms.analytics.rest;

import dev.oms.analytics.domain.DailyKpis;

import java.time.LocalDate;

/** One business day's KPIs; amounts in minor units of {@code currency}. */
public record DailyKpisResponse(LocalDate date, String zone, String currency, long ordersCompleted,
                                long ordersFailed, long ordersCancelled, long grossRevenueMinor, long refundedMinor,
                                long netRevenueMinor, long averageOrderValueMinor, long refundsCompleted) {

    static DailyKpisResponse of(LocalDate date, String zone, String currency, DailyKpis kpis) {
        return new DailyKpisResponse(date, zone, currency, kpis.ordersCompleted(), kpis.ordersFailed(),
                kpis.ordersCancelled(), kpis.grossRevenueMinor(), kpis.refundedMinor(), kpis.netRevenueMinor(),
                kpis.averageOrderValueMinor(), kpis.refundsCompleted());
    }
}
