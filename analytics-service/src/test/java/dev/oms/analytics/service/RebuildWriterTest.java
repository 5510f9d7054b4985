package dev.oms.analytics.service;

import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.config.AnalyticsConfig;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rebuild's plain-command writer against the real Redis gives the same outcomes and leaves the same numbers as
 * {@code lua/apply-records.lua}, for the same records, in generations of the test's own that are never current.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class RebuildWriterTest {

    private static final String TOPIC = "test-topic";

    @Inject
    ExactlyOnceScript script;
    @Inject
    KeyLayout keys;
    @Inject
    Generations generations;
    @Inject
    RedisDataSource redis;
    @Inject
    Redis client;
    @Inject
    AnalyticsConfig config;

    private final String group = "writer-test-" + UUID.randomUUID();
    private final long scripted = 2_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
    private final long written = scripted + 1_000_000;
    private final LocalDate firstDay = OrderEventsFixture.uniqueDay();
    private final List<UUID> customers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @AfterEach
    void deleteTheTestGenerations() {
        for (long generation : new long[] {scripted, written}) {
            generations.drop(generation);
            redis.key().del(keys.generation(generation).offsets(group, TOPIC));
        }
        customers.forEach(customer -> redis.key().del(keys.customer(customer)));
    }

    @Test
    void givesTheScriptsOutcomesAndNumbersInBatches() throws Exception {
        assertSameAsTheScript(generatedInputs(60), 7);
    }

    @Test
    void givesTheScriptsOutcomesForABatchLargerThanTheClientsWaitingQueue() throws Exception {
        // Some 2,400 markers to check: more commands than the client lets wait on one connection (2,048).
        List<Input> inputs = generatedInputs(3000);
        // A copy of the first event at the end of the batch: its marker is checked in a later pipeline.
        Input first = inputs.get(0);
        inputs.add(new Input(1, inputs.size() + 1L, first.eventId(), first.day(), first.customer(),
                first.amountMinor()));

        assertSameAsTheScript(inputs, inputs.size());
    }

    private void assertSameAsTheScript(List<Input> inputs, int batchSize) throws Exception {
        List<ApplyOutcome> byScript = new ArrayList<>();
        for (List<Input> batch : batches(inputs, batchSize)) {
            byScript.addAll(script.runAll(records(batch, scripted), generations.current()));
        }
        RebuildWriter writer = new RebuildWriter(client, keys.currentGeneration(), generations.current(),
                config.dedupeWindow());
        List<ApplyOutcome> byWriter = new ArrayList<>();
        for (List<Input> batch : batches(inputs, batchSize)) {
            byWriter.addAll(writer.applyAsync(records(batch, written)).get(30, TimeUnit.SECONDS));
        }

        assertEquals(byScript, byWriter);
        assertTrue(byWriter.contains(ApplyOutcome.EVENT_ALREADY_APPLIED), "the inputs re-publish events");
        assertTrue(byWriter.contains(ApplyOutcome.OFFSET_ALREADY_APPLIED), "the inputs redeliver offsets");
        assertEquals(contents(scripted), contents(written));
        long ttl = redis.key().ttl(keys.generation(written).appliedMarker(inputs.get(0).eventId()));
        assertTrue(ttl > 0 && ttl <= config.dedupeWindow().toSeconds(), "marker TTL " + ttl);
    }

    @Test
    void writesNothingWhenTheReplacedGenerationIsNoLongerCurrent() throws Exception {
        RebuildWriter writer = new RebuildWriter(client, keys.currentGeneration(), generations.current() + 1000,
                config.dedupeWindow());

        List<ApplyOutcome> outcomes = writer.applyAsync(records(generatedInputs(0).subList(0, 3), written))
                .get(10, TimeUnit.SECONDS);

        assertEquals(List.of(ApplyOutcome.GENERATION_MOVED, ApplyOutcome.GENERATION_MOVED,
                ApplyOutcome.GENERATION_MOVED), outcomes);
        GenerationKeys target = keys.generation(written);
        assertFalse(redis.key().exists(target.dayKpis(firstDay)));
        assertFalse(redis.key().exists(target.leaderboardAllTime()));
        assertFalse(redis.key().exists(target.offsets(group, TOPIC)));
    }

    /** One record of the test: where it was read, its event id, and (when it counts) a sale. */
    private record Input(int partition, long offset, UUID eventId, LocalDate day, UUID customer, long amountMinor) {
    }

    /**
     * Sales over three days by three customers on two partitions, with events re-published at later offsets, offsets
     * delivered again, and records that count nothing.
     */
    private List<Input> generatedInputs(int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Input> inputs = new ArrayList<>();
        Input sale = new Input(0, 1, UUID.randomUUID(), firstDay, customers.get(0), 1_999);
        inputs.add(sale);
        inputs.add(new Input(0, 1, UUID.randomUUID(), firstDay, customers.get(1), 5));
        inputs.add(new Input(1, 1, sale.eventId(), sale.day(), sale.customer(), sale.amountMinor()));
        long[] offsets = {1, 1};
        for (int i = 0; i < count; i++) {
            int partition = random.nextInt(2);
            long offset = ++offsets[partition];
            int kind = random.nextInt(10);
            if (kind == 0 && !inputs.isEmpty()) {
                Input earlier = inputs.get(random.nextInt(inputs.size()));
                inputs.add(new Input(partition, offset, earlier.eventId(), earlier.day(), earlier.customer(),
                        earlier.amountMinor()));
            } else if (kind == 1 && offset > 2) {
                inputs.add(new Input(partition, offset - 2, UUID.randomUUID(), firstDay, customers.get(0), 1));
                offsets[partition]--;
            } else if (kind == 2) {
                inputs.add(new Input(partition, offset, UUID.randomUUID(), null, null, 0));
            } else {
                inputs.add(new Input(partition, offset, UUID.randomUUID(), firstDay.plusDays(random.nextInt(3)),
                        customers.get(random.nextInt(customers.size())), random.nextLong(-5_000, 100_000)));
            }
        }
        return inputs;
    }

    private List<ApplyOnce> records(List<Input> inputs, long generation) {
        GenerationKeys target = keys.generation(generation);
        List<ApplyOnce> records = new ArrayList<>();
        for (Input input : inputs) {
            ApplyOnce record = new ApplyOnce(target, new RecordPosition(group, TOPIC, input.partition(),
                    input.offset()), input.eventId());
            if (input.day() != null) {
                String member = input.customer().toString();
                record.hincrby(target.dayKpis(input.day()), "ordersCompleted", 1)
                        .hincrby(target.dayKpis(input.day()), "grossRevenueMinor", input.amountMinor())
                        .sadd(target.days(), input.day().toString())
                        .zincrby(target.leaderboardAllTime(), member, -input.amountMinor())
                        .zincrby(target.leaderboardOfDay(input.day()), member, -input.amountMinor())
                        .hset(keys.customer(input.customer()), "name", "Customer " + input.eventId());
            }
            records.add(record);
        }
        return records;
    }

    private static List<List<Input>> batches(List<Input> inputs, int size) {
        List<List<Input>> batches = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += size) {
            batches.add(inputs.subList(from, Math.min(inputs.size(), from + size)));
        }
        return batches;
    }

    /** Everything a generation holds that a reader or live consumption sees, without its prefix. */
    private Map<String, Object> contents(long generation) {
        GenerationKeys target = keys.generation(generation);
        Set<String> days = redis.set(String.class).smembers(target.days());
        Map<String, Object> contents = new TreeMap<>();
        contents.put("days", days);
        contents.put("offsets", redis.hash(String.class).hgetall(target.offsets(group, TOPIC)));
        contents.put("lb:all", redis.sortedSet(String.class).zrangeWithScores(target.leaderboardAllTime(), 0, -1)
                .stream().map(ScoredValue::toString).toList());
        for (String day : days) {
            LocalDate date = LocalDate.parse(day);
            contents.put("kpi:" + day, redis.hash(String.class).hgetall(target.dayKpis(date)));
            contents.put("lb:" + day, redis.sortedSet(String.class).zrangeWithScores(target.leaderboardOfDay(date),
                    0, -1).stream().map(ScoredValue::toString).toList());
        }
        return contents;
    }
}
