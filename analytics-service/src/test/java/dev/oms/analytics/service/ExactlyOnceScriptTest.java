package dev.oms.analytics.service;

import dev.oms.analytics.OrderEventsFixture;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lua script against the real Redis, under a consumer group of its own so the running consumer is not involved. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class ExactlyOnceScriptTest {

    private static final long TTL_SECONDS = 3600;

    @Inject
    ExactlyOnceScript script;
    @Inject
    KeyLayout keys;
    @Inject
    RedisDataSource redis;

    private final String group = "script-test-" + UUID.randomUUID();
    private final LocalDate day = OrderEventsFixture.uniqueDay();

    @Test
    void appliesOnceThenSkipsByOffsetAndByEventId() {
        UUID event = UUID.randomUUID();

        assertEquals(ApplyOutcome.APPLIED, script.run(increment(5, event, 10)));
        assertEquals(Map.of("ordersCompleted", "10"), redis.hash(String.class).hgetall(counters()));
        assertEquals(5L, appliedOffset());
        long ttl = redis.key().ttl(keys.appliedMarker(event));
        assertTrue(ttl > 0 && ttl <= TTL_SECONDS, "marker TTL " + ttl);

        // Redelivered at the same offset (even if it were another event): nothing changes.
        assertEquals(ApplyOutcome.OFFSET_ALREADY_APPLIED, script.run(increment(5, UUID.randomUUID(), 10)));
        assertEquals(ApplyOutcome.OFFSET_ALREADY_APPLIED, script.run(increment(4, UUID.randomUUID(), 10)));
        // Re-published at a later offset with the same event id: only the offset moves.
        assertEquals(ApplyOutcome.EVENT_ALREADY_APPLIED, script.run(increment(6, event, 10)));
        assertEquals(6L, appliedOffset());
        assertEquals(Map.of("ordersCompleted", "10"), redis.hash(String.class).hgetall(counters()));

        assertEquals(ApplyOutcome.APPLIED, script.run(increment(7, UUID.randomUUID(), 5)));
        assertEquals(Map.of("ordersCompleted", "15"), redis.hash(String.class).hgetall(counters()));
    }

    @Test
    void anEventWithoutEffectOnlyAdvancesTheOffsetAndLeavesNoMarker() {
        UUID event = UUID.randomUUID();

        assertEquals(ApplyOutcome.APPLIED, script.run(new ApplyOnce(offsetsKey(), position(3),
                keys.appliedMarker(event), TTL_SECONDS)));

        assertEquals(3L, appliedOffset());
        assertFalse(redis.key().exists(keys.appliedMarker(event)));
    }

    @Test
    void recognisesRedisNoScriptAnswer() {
        RuntimeException noScript = assertThrows(RuntimeException.class,
                () -> redis.execute("EVALSHA", "0000000000000000000000000000000000000000", "0"));

        assertTrue(ExactlyOnceScript.isMissingScript(noScript), noScript.toString());
        assertFalse(ExactlyOnceScript.isMissingScript(new IllegalStateException("ERR something else")));
    }

    private ApplyOnce increment(long offset, UUID eventId, long by) {
        return new ApplyOnce(offsetsKey(), position(offset), keys.appliedMarker(eventId), TTL_SECONDS)
                .hincrby(counters(), "ordersCompleted", by);
    }

    private String counters() {
        return keys.dayKpis(day);
    }

    private String offsetsKey() {
        return keys.offsets(group, "test-topic");
    }

    private RecordPosition position(long offset) {
        return new RecordPosition(group, "test-topic", 2, offset);
    }

    private Long appliedOffset() {
        String value = redis.hash(String.class).hget(offsetsKey(), "2");
        return value == null ? null : Long.valueOf(value);
    }
}
