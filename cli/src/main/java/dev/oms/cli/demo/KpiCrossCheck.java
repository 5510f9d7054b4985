package dev.oms.cli.demo;

import dev.oms.cli.api.DailyKpis;
import dev.oms.cli.api.PaidDay;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.MoneyFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares analytics' KPIs of a day with order-service's own count of that day's paid orders: the two are
 * computed independently (Redis from events, SQL from the orders table), so agreement shows no event was lost or
 * counted twice.
 */
public final class KpiCrossCheck {

    private KpiCrossCheck() {
    }

    /** The differences, empty when they agree. {@code paid} is null when order-service reports no paid order that day. */
    public static List<String> differences(DailyKpis kpis, PaidDay paid) {
        long paidOrders = paid == null ? 0 : paid.paidOrders();
        long grossMinor = paid == null ? 0 : paid.grossRevenueMinor();
        String currency = kpis.currency() == null ? "USD" : kpis.currency();
        List<String> differences = new ArrayList<>();
        if (kpis.ordersCompleted() != paidOrders) {
            differences.add("paid orders: analytics " + Cells.count(kpis.ordersCompleted()) + ", order-service "
                    + Cells.count(paidOrders));
        }
        if (kpis.grossRevenueMinor() != grossMinor) {
            differences.add("gross revenue: analytics " + MoneyFormat.format(kpis.grossRevenueMinor(), currency)
                    + ", order-service " + MoneyFormat.format(grossMinor, currency));
        }
        if (paid != null && paid.currency() != null && !paid.currency().equals(currency)) {
            differences.add("currency: analytics " + currency + ", order-service " + paid.currency());
        }
        return differences;
    }
}
