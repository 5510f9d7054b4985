package dev.oms.cli.demo;

import dev.oms.cli.api.DailyKpis;
import dev.oms.cli.api.PaidDay;
import dev.oms.cli.api.RefundDay;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.MoneyFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares analytics' KPIs, day by day, with the records of the services that own the facts: order-service's paid
 * orders and refund-service's completed refunds. The two sides are computed independently (Redis from events, SQL
 * from the tables), so agreement shows that no event was lost or counted twice.
 */
public final class AnalyticsAudit {

    private AnalyticsAudit() {
    }

    /** Every difference, one line each naming its day; empty when everything agrees. */
    public static List<String> differences(List<DailyKpis> kpis, List<PaidDay> paid, List<RefundDay> refunds) {
        Map<LocalDate, PaidDay> paidByDay = paid.stream().collect(Collectors.toMap(PaidDay::date, Function.identity()));
        Map<LocalDate, RefundDay> refundsByDay = refunds.stream()
                .collect(Collectors.toMap(RefundDay::date, Function.identity()));
        List<String> differences = new ArrayList<>();
        for (DailyKpis day : kpis) {
            for (String difference : KpiCrossCheck.differences(day, paidByDay.get(day.date()))) {
                differences.add(day.date() + ": " + difference);
            }
            RefundDay refunded = refundsByDay.get(day.date());
            long count = refunded == null ? 0 : refunded.refundsCompleted();
            long amount = refunded == null ? 0 : refunded.refundedMinor();
            String currency = day.currency() == null ? "USD" : day.currency();
            if (day.refundsCompleted() != count) {
                differences.add(day.date() + ": refunds completed: analytics " + Cells.count(day.refundsCompleted())
                        + ", refund-service " + Cells.count(count));
            }
            if (day.refundedMinor() != amount) {
                differences.add(day.date() + ": refunded: analytics " + MoneyFormat.format(day.refundedMinor(), currency)
                        + ", refund-service " + MoneyFormat.format(amount, currency));
            }
        }
        return differences;
    }
}
