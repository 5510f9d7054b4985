package dev.oms.cli.api;

import java.util.Map;

/** Order counts, overall and by status. */
public record OrderStats(long total, Map<String, Long> byStatus) {

    public Map<String, Long> byStatus() {
        return byStatus == null ? Map.of() : byStatus;
    }

    public long count(String status) {
        return byStatus().getOrDefault(status, 0L);
    }
}
