package dev.oms.analytics.domain;

import java.time.LocalDate;
import java.util.List;

/** What the live view shows: a business day's KPIs and the day's top customers. Equal snapshots show the same. */
public record KpiSnapshot(LocalDate day, DailyKpis kpis, List<RankedCustomer> topCustomers) {
}
