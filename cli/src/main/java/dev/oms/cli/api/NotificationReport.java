package dev.oms.cli.api;

import java.util.List;

/** Notification counts by type and status as notification-service reports them; a rate is null until one ended. */
public record NotificationReport(List<TypeCounts> byType, Counts total) {

    public record TypeCounts(String type, long pending, long sent, long failed, Double successRate) {
    }

    public record Counts(long pending, long sent, long failed, Double successRate) {
    }

    public List<TypeCounts> byType() {
        return byType == null ? List.of() : byType;
    }
}
