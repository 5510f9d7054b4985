package dev.oms.analytics.service;

import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.config.AnalyticsConfig;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Lua script against the real Redis, under a consumer group of its own and in a generation nobody reads, so the
 * running consumer and the other tests are not involved.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class ExactlyOnceScriptTest {

    @Inject
    ExactlyOnceScript script;
    @Inject
    KeyLayout keys;
    @Inject
    Generations generations;
    @Inject
    RedisDataSource redis;
    @Inject
    AnalyticsConfig config;

    private final String group = "script-test-" + UUID.randomUUID();
    /** A generation of this test's own, never current: only the generation a call requires is the current one. */
    private final long generation = 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
    private final LocalDate day = OrderEventsFixture.uniqueDay();

    @Test
    void appliesOnceThenSkipsByOffsetAndByEventId() {
        UUID event = UUID.randomUUID();

        assertEquals(ApplyOutcome.APPLIED, run(increment(5, event, 10)));
        assertEquals(Map.of("ordersCompleted", "10"), redis.hash(String.class).hgetall(counters()));
        assertEquals(5L, appliedOffset());
        long ttl = redis.key().ttl(target().appliedMarker(event));
        assertTrue(ttl > 0 && ttl <= config.dedupeWindow().toSeconds(), "marker TTL " + ttl);

        // Redelivered at the same offset (even if it were another event): nothing changes.
        assertEquals(ApplyOutcome.OFFSET_ALREADY_APPLIED, run(increment(5, UUID.randomUUID(), 10)));
        assertEquals(ApplyOutcome.OFFSET_ALREADY_APPLIED, run(increment(4, UUID.randomUUID(), 10)));
        // Re-published at a later offset with the same event id: only the offset moves.
        assertEquals(ApplyOutcome.EVENT_ALREADY_APPLIED, run(increment(6, event, 10)));
        assertEquals(6L, appliedOffset());
        assertEquals(Map.of("ordersCompleted", "10"), redis.hash(String.class).hgetall(counters()));

        assertEquals(ApplyOutcome.APPLIED, run(increment(7, UUID.randomUUID(), 5)));
        assertEquals(Map.of("ordersCompleted", "15"), redis.hash(String.class).hgetall(counters()));
    }

    @Test
    void anEventWithoutEffectOnlyAdvancesTheOffsetAndLeavesNoMarker() {
        UUID event = UUID.randomUUID();

        assertEquals(ApplyOutcome.APPLIED, run(record(3, event)));

        assertEquals(3L, appliedOffset());
        assertFalse(redis.key().exists(target().appliedMarker(event)));
    }

    @Test
    void writesNothingWhenTheExpectedGenerationIsNotCurrent() {
        ApplyOnce record = record(9, UUID.randomUUID()).hincrby(counters(), "ordersCompleted", 10);

        assertEquals(List.of(ApplyOutcome.GENERATION_MOVED), script.runAll(List.of(record), current() + 1000));

        assertEquals(Map.of(), redis.hash(String.class).hgetall(counters()));
        assertEquals(null, appliedOffset());
    }

    @Test
    void aBatchAppliesItsRecordsInOrder() {
        UUID event = UUID.randomUUID();

        List<ApplyOutcome> outcomes = script.runAll(List.of(increment(1, event, 10), increment(2, event, 10),
                increment(2, UUID.randomUUID(), 10), increment(3, UUID.randomUUID(), 1)), current());

        assertEquals(List.of(ApplyOutcome.APPLIED, ApplyOutcome.EVENT_ALREADY_APPLIED,
                ApplyOutcome.OFFSET_ALREADY_APPLIED, ApplyOutcome.APPLIED), outcomes);
        assertEquals(Map.of("ordersCompleted", "11"), redis.hash(String.class).hgetall(counters()));
        assertEquals(3L, appliedOffset());
    }

    @Test
    void recognisesRedisNoScriptAnswer() {
        RuntimeException noScript = assertThrows(RuntimeException.class,
                () -> redis.execute("EVALSHA", "0000000000000000000000000000000000000000", "0"));

        assertTrue(LuaScript.isMissingScript(noScript), noScript.toString());
        assertFalse(LuaScript.isMissingScript(new IllegalStateException("ERR something else")));
    }

    private ApplyOutcome run(ApplyOnce record) {
        return script.run(record, current());
    }

    private ApplyOnce increment(long offset, UUID eventId, long by) {
        return record(offset, eventId).hincrby(counters(), "ordersCompleted", by);
    }

    private ApplyOnce record(long offset, UUID eventId) {
        return new ApplyOnce(target(), position(offset), eventId);
    }

    private long current() {
        return generations.current();
    }

    private GenerationKeys target() {
        return keys.generation(generation);
    }

    private String counters() {
        return target().dayKpis(day);
    }

    private RecordPosition position(long offset) {
        return new RecordPosition(group, "test-topic", 2, offset);
    }

    private Long appliedOffset() {
        String value = redis.hash(String.class).hget(target().offsets(group, "test-topic"), "2");
        return value == null ? null : Long.valueOf(value);
    }
}
