package dev.oms.cli.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The order statuses of the saga, in the order they are shown, and which of them end the saga. */
public final class OrderStatuses {

    /** The saga's flow first, then the ways it ends without payment. */
    public static final List<String> DISPLAY_ORDER = List.of("RECEIVED", "STOCK_RESERVED", "PAYMENT_PENDING", "PAID",
            "SHIPPED", "DELIVERED", "REJECTED", "FAILED", "CANCELLED");

    /** An order in one of these needs no further work from the saga (PAID may still ship, but that is not the saga). */
    public static final Set<String> TERMINAL = Set.of("PAID", "REJECTED", "FAILED", "CANCELLED", "SHIPPED", "DELIVERED");

    private OrderStatuses() {
    }

    public static long terminalCount(OrderStats stats) {
        return stats.byStatus().entrySet().stream()
                .filter(entry -> TERMINAL.contains(entry.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Known statuses in display order, then any status this CLI does not know yet, alphabetically. */
    public static List<String> sorted(Set<String> statuses) {
        List<String> sorted = new ArrayList<>(statuses);
        sorted.sort(Comparator.comparingInt(OrderStatuses::rank).thenComparing(Comparator.naturalOrder()));
        return sorted;
    }

    private static int rank(String status) {
        int index = DISPLAY_ORDER.indexOf(status);
        return index < 0 ? DISPLAY_ORDER.size() : index;
    }
}
