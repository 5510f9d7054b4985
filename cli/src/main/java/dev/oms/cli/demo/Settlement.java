package dev.oms.cli.demo;

import dev.oms.cli.api.OrderStats;
import dev.oms.cli.api.OrderStatuses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far the orders of one import have got through the saga, judged from order-service's counts before the
 * import and now: all of them are in when the total grew by the number published, and all of them are settled
 * when the number of orders still in the saga is back to what it was before.
 */
public record Settlement(OrderStats before, OrderStats now, long expectedOrders) {

    public long arrived() {
        return now.total() - before.total();
    }

    public long settled() {
        return OrderStatuses.terminalCount(now) - OrderStatuses.terminalCount(before);
    }

    public boolean isComplete() {
        return arrived() >= expectedOrders && inSaga(now) <= inSaga(before);
    }

    /** How many more orders are in each terminal status than before, in display order; statuses with none left out. */
    public Map<String, Long> settledByStatus() {
        Map<String, Long> delta = new LinkedHashMap<>();
        for (String status : OrderStatuses.sorted(OrderStatuses.TERMINAL)) {
            long added = now.count(status) - before.count(status);
            if (added != 0) {
                delta.put(status, added);
            }
        }
        return delta;
    }

    private static long inSaga(OrderStats stats) {
        return stats.total() - OrderStatuses.terminalCount(stats);
    }
}
