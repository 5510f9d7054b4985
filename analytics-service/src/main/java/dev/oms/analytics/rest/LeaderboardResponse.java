package dev.oms.analytics.rest;

import java.util.List;

/** Top customers by net spend; {@code scope} is {@code all} or the business day (YYYY-MM-DD). */
public record LeaderboardResponse(String scope, List<LeaderboardEntryResponse> entries) {
}
