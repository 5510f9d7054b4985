package dev.oms.analytics.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApplyBatchTest {

    private static final GenerationKeys TARGET = new GenerationKeys(3, "p:g3:");
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void laysOutRecordsWithTheirOperationsReferringToKeysByLuaIndex() {
        ApplyOnce first = new ApplyOnce(TARGET, new RecordPosition("g", "t", 4, 17), FIRST)
                .hincrby("day", "ordersCompleted", 1)
                .zincrby("lb", "c1", -250)
                .hset("customer", "name", "Ann")
                .sadd("days", "2026-12-03");
        ApplyOnce second = new ApplyOnce(TARGET, new RecordPosition("g", "t", 4, 18), SECOND)
                .hincrby("day", "grossRevenueMinor", 250);

        LuaScript.Call call = new ApplyBatch("p:generation", 2, 60).add(first).add(second).call();

        assertEquals(List.of("p:generation", "p:g3:offsets:g:t", "p:g3:applied:" + FIRST, "day", "lb", "customer",
                "days", "p:g3:applied:" + SECOND), call.keys());
        assertEquals(List.of("60", "2",
                "2", "4", "17", "3", "4",
                "HINCRBY", "4", "ordersCompleted", "1",
                "ZINCRBY", "5", "c1", "-250",
                "HSET", "6", "name", "Ann",
                "SADD", "7", "2026-12-03", "-",
                "2", "4", "18", "8", "1",
                "HINCRBY", "4", "grossRevenueMinor", "250"), call.args());
    }

    @Test
    void anEffectMayNotWriteTheProgressKeysOrTheGeneration() {
        ApplyOnce record = new ApplyOnce(TARGET, new RecordPosition("g", "t", 4, 17), FIRST);

        assertThrows(IllegalArgumentException.class, () -> record.hset("p:g3:offsets:g:t", "4", "99"));
        assertThrows(IllegalArgumentException.class, () -> record.hset("p:g3:applied:" + FIRST, "x", "y"));
        ApplyBatch batch = new ApplyBatch("p:generation", 3, 60);
        assertThrows(IllegalArgumentException.class, () -> batch.add(record.sadd("p:generation", "4")));
    }

    @Test
    void theMarkerMustExpireAfterAtLeastOneSecond() {
        assertThrows(IllegalArgumentException.class, () -> new ApplyBatch("p:generation", 3, 0));
    }
}
