package dev.oms.analytics.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApplyOnceTest {

    private static final RecordPosition POSITION = new RecordPosition("g", "t", 4, 17);

    @Test
    void laysOutProgressThenOperationsReferringToKeysByLuaIndex() {
        ApplyOnce call = new ApplyOnce("offsets", POSITION, "marker", 60)
                .hincrby("day", "ordersCompleted", 1)
                .zincrby("lb", "c1", -250)
                .hincrby("day", "grossRevenueMinor", 250)
                .hset("customer", "name", "Ann");

        assertEquals(List.of("offsets", "marker", "day", "lb", "customer"), call.keys());
        assertEquals(List.of("4", "17", "60",
                "HINCRBY", "3", "ordersCompleted", "1",
                "ZINCRBY", "4", "c1", "-250",
                "HINCRBY", "3", "grossRevenueMinor", "250",
                "HSET", "5", "name", "Ann"), call.args());
    }

    @Test
    void anEffectMayNotWriteTheProgressKeys() {
        ApplyOnce call = new ApplyOnce("offsets", POSITION, "marker", 60);

        assertThrows(IllegalArgumentException.class, () -> call.hset("offsets", "4", "99"));
        assertThrows(IllegalArgumentException.class, () -> call.hset("marker", "x", "y"));
    }

    @Test
    void theMarkerMustExpireAfterAtLeastOneSecond() {
        assertThrows(IllegalArgumentException.class, () -> new ApplyOnce("offsets", POSITION, "marker", 0));
    }
}
