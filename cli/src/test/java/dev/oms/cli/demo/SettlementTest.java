package dev.oms.cli.demo;

import dev.oms.cli.api.OrderStats;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettlementTest {

    /** Before the import: 10 orders, 2 of them still in the saga (someone else's work). */
    private final OrderStats before = stats(10, "PAID", 7, "REJECTED", 1, "PAYMENT_PENDING", 2);

    @Test
    void isNotCompleteWhileOrdersAreStillArriving() {
        Settlement settlement = new Settlement(before, stats(13, "PAID", 10, "REJECTED", 1, "PAYMENT_PENDING", 2), 5);
        assertEquals(3, settlement.arrived());
        assertEquals(3, settlement.settled());
        assertFalse(settlement.isComplete());
    }

    @Test
    void isNotCompleteWhileMoreOrdersAreInTheSagaThanBefore() {
        Settlement settlement = new Settlement(before, stats(15, "PAID", 10, "REJECTED", 1, "PAYMENT_PENDING", 4), 5);
        assertEquals(5, settlement.arrived());
        assertEquals(3, settlement.settled());
        assertFalse(settlement.isComplete());
    }

    @Test
    void isCompleteWhenAllArrivedAndTheSagaIsBackToItsEarlierLoad() {
        Settlement settlement = new Settlement(before,
                stats(15, "PAID", 10, "REJECTED", 1, "FAILED", 1, "SHIPPED", 1, "PAYMENT_PENDING", 2), 5);
        assertEquals(5, settlement.settled());
        assertTrue(settlement.isComplete());
        assertEquals(List.of("PAID", "SHIPPED", "FAILED"), List.copyOf(settlement.settledByStatus().keySet()));
        assertEquals(Map.of("PAID", 3L, "SHIPPED", 1L, "FAILED", 1L), settlement.settledByStatus());
    }

    private static OrderStats stats(long total, Object... statusAndCount) {
        Map<String, Long> byStatus = new HashMap<>();
        for (int i = 0; i < statusAndCount.length; i += 2) {
            byStatus.put((String) statusAndCount[i], ((Integer) statusAndCount[i + 1]).longValue());
        }
        return new OrderStats(total, byStatus);
    }
}
