package dev.oms.cli.api;

import java.time.LocalDate;

/** analytics-service's KPIs of one business day in its zone. */
public record DailyKpis(LocalDate date, String zone, String currency, long ordersCompleted, long ordersFailed,
                        long ordersCancelled, long grossRevenueMinor, long refundedMinor, long netRevenueMinor,
                        long averageOrderValueMinor, long refundsCompleted) {
}
