package dev.oms.cli.api;

import java.time.LocalDate;
import java.util.List;

/** analytics-service's KPIs of a range of business days: a row per day and the totals (which carry no date). */
public record KpiRange(LocalDate from, LocalDate to, String zone, String currency, List<DailyKpis> days,
                       DailyKpis totals) {
}
