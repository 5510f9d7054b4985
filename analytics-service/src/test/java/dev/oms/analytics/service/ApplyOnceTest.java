package dev.oms.analytics.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApplyOnceTest {

    private static final RecordPosition POSITION = new RecordPosition("g", "t", 4, 17);
    private static final GenerationKeys TARGET = new GenerationKeys(3, "p:g3:");
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final String MARKER = "p:g3:applied:" + EVENT;

    @Test
    void laysOutProgressThenOperationsReferringToKeysByLuaIndex() {
        ApplyOnce call = new ApplyOnce(TARGET, "p:generation", 2, POSITION, EVENT, 60)
                .hincrby("day", "ordersCompleted", 1)
                .zincrby("lb", "c1", -250)
                .hincrby("day", "grossRevenueMinor", 250)
                .hset("customer", "name", "Ann")
                .sadd("days", "2026-12-03");

        assertEquals(List.of("p:g3:offsets:g:t", MARKER, "p:generation", "day", "lb", "customer", "days"),
                call.call().keys());
        assertEquals(List.of("4", "17", "60", "2",
                "HINCRBY", "4", "ordersCompleted", "1",
                "ZINCRBY", "5", "c1", "-250",
                "HINCRBY", "4", "grossRevenueMinor", "250",
                "HSET", "6", "name", "Ann",
                "SADD", "7", "2026-12-03", "-"), call.call().args());
    }

    @Test
    void anEffectMayNotWriteTheProgressKeysOrTheGeneration() {
        ApplyOnce call = new ApplyOnce(TARGET, "p:generation", 3, POSITION, EVENT, 60);

        assertThrows(IllegalArgumentException.class, () -> call.hset("p:g3:offsets:g:t", "4", "99"));
        assertThrows(IllegalArgumentException.class, () -> call.hset(MARKER, "x", "y"));
        assertThrows(IllegalArgumentException.class, () -> call.sadd("p:generation", "4"));
    }

    @Test
    void theMarkerMustExpireAfterAtLeastOneSecond() {
        assertThrows(IllegalArgumentException.class,
                () -> new ApplyOnce(TARGET, "p:generation", 3, POSITION, EVENT, 0));
    }
}
