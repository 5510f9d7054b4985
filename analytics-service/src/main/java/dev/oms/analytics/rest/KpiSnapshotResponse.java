package dev.oms.analytics.rest;

import dev.oms.analytics.domain.KpiSnapshot;

import java.util.List;

/** One event of {@code GET /kpis/stream}: the day's KPIs and its top customers. */
public record KpiSnapshotResponse(DailyKpisResponse kpis, List<LeaderboardEntryResponse> topCustomers) {

    static KpiSnapshotResponse of(KpiSnapshot snapshot, String zone, String currency) {
        return new KpiSnapshotResponse(DailyKpisResponse.of(snapshot.day(), zone, currency, snapshot.kpis()),
                snapshot.topCustomers().stream().map(LeaderboardEntryResponse::of).toList());
    }
}
