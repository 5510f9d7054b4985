package dev.oms.cli.simulation;

import dev.oms.cli.api.DailyKpis;

import java.util.List;

/** Each KPI of a day, expected (before + this run's effect) beside analytics' figure. */
public final class KpiComparison {

    private KpiComparison() {
    }

    public static List<FigureCheck> of(KpiFigures before, KpiFigures effect, DailyKpis actual) {
        KpiFigures expected = before.plus(effect);
        return List.of(
                new FigureCheck("orders completed", false, before.ordersCompleted(), expected.ordersCompleted(),
                        actual.ordersCompleted()),
                new FigureCheck("orders failed", false, before.ordersFailed(), expected.ordersFailed(),
                        actual.ordersFailed()),
                new FigureCheck("orders cancelled", false, before.ordersCancelled(), expected.ordersCancelled(),
                        actual.ordersCancelled()),
                new FigureCheck("gross revenue", true, before.grossRevenueMinor(), expected.grossRevenueMinor(),
                        actual.grossRevenueMinor()),
                new FigureCheck("refunded", true, before.refundedMinor(), expected.refundedMinor(),
                        actual.refundedMinor()),
                new FigureCheck("net revenue", true, before.netRevenueMinor(), expected.netRevenueMinor(),
                        actual.netRevenueMinor()),
                new FigureCheck("average order value", true, before.averageOrderValueMinor(),
                        expected.averageOrderValueMinor(), actual.averageOrderValueMinor()),
                new FigureCheck("refunds completed", false, before.refundsCompleted(), expected.refundsCompleted(),
                        actual.refundsCompleted()));
    }
}
