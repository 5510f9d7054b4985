package dev.oms.analytics.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.set.SetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The generations of numbers in Redis (see {@link KeyLayout}): which one is current, the switch to a rebuilt one,
 * and deleting one that is no longer needed.
 */
@ApplicationScoped
public class Generations {

    /** What {@link #switchTo} did. */
    public enum Switch { SWITCHED, BEHIND, SUPERSEDED }

    private static final Logger LOG = Logger.getLogger(Generations.class);
    /** Keys deleted per UNLINK, so one call never blocks Redis for long. */
    private static final int DELETE_BATCH = 500;

    private final KeyLayout keys;
    private final KpiSource source;
    private final ValueCommands<String, String> values;
    private final ReactiveValueCommands<String, String> reactiveValues;
    private final SetCommands<String, String> sets;
    private final KeyCommands<String> keyCommands;
    private final LuaScript switchScript;
    /**
     * How long reads use the generation they last read. A replaced generation is kept longer than this (see
     * {@link KpiRebuild}), so a read that has not seen a switch yet still finds every key of the old one.
     */
    static final Duration READ_CACHE = Duration.ofMillis(500);

    /** The generation this replica writes to, remembered until a write finds it moved; 0 when not known. */
    private volatile long writing;
    private volatile Remembered reading;

    private record Remembered(GenerationKeys keys, long readAtNanos) {
    }

    public Generations(RedisDataSource redis, KeyLayout keys, KpiSource source) {
        this.keys = keys;
        this.source = source;
        this.values = redis.value(String.class);
        this.reactiveValues = redis.getReactive().value(String.class);
        this.sets = redis.set(String.class);
        this.keyCommands = redis.key();
        this.switchScript = new LuaScript(redis, "lua/switch-generation.lua");
    }

    /** The current generation, read from Redis now. */
    public long current() {
        String current = values.get(keys.currentGeneration());
        return current == null ? 1 : Long.parseLong(current);
    }

    public GenerationKeys currentKeys() {
        return keys.generation(current());
    }

    /** The generation reads take their keys from: the current one, as read at most {@link #READ_CACHE} ago. */
    public Uni<GenerationKeys> forReading() {
        Remembered known = reading;
        long now = System.nanoTime();
        if (known != null && now - known.readAtNanos() <= READ_CACHE.toNanos()) {
            return Uni.createFrom().item(known.keys());
        }
        return reactiveValues.get(keys.currentGeneration()).map(current -> {
            GenerationKeys generation = keys.generation(current == null ? 1 : Long.parseLong(current));
            reading = new Remembered(generation, now);
            return generation;
        });
    }

    /** The generation live consumption writes to: remembered, since it changes only when a rebuild switches. */
    public long forWriting() {
        long known = writing;
        if (known == 0) {
            known = current();
            writing = known;
        }
        return known;
    }

    /** A write found the generation moved: the next {@link #forWriting()} reads it again. */
    public void writingMoved() {
        writing = 0;
    }

    /**
     * Makes {@code rebuilt} current if {@code replaced} still is and {@code rebuilt} has applied, for every
     * (group, topic, partition) of the KPI source, at least as far as {@code replaced}.
     */
    public Switch switchTo(long replaced, long rebuilt) {
        GenerationKeys from = keys.generation(replaced);
        GenerationKeys to = keys.generation(rebuilt);
        List<String> scriptKeys = new ArrayList<>();
        scriptKeys.add(keys.currentGeneration());
        for (String topic : source.topics()) {
            scriptKeys.add(from.offsets(source.group(), topic));
            scriptKeys.add(to.offsets(source.group(), topic));
        }
        long outcome = switchScript.run(new LuaScript.Call(scriptKeys,
                List.of(Long.toString(replaced), Long.toString(rebuilt)))).toLong();
        if (outcome == 1) {
            writingMoved();
            reading = null;
            return Switch.SWITCHED;
        }
        return outcome == 0 ? Switch.BEHIND : Switch.SUPERSEDED;
    }

    /** Records that {@code generation} may have keys, before anything is written to it. */
    public void register(long generation) {
        sets.sadd(keys.generations(), Long.toString(generation));
    }

    /** Every registered generation but the current one: leftovers of replaced generations or interrupted rebuilds. */
    public List<Long> stale() {
        long current = current();
        Set<String> registered = sets.smembers(keys.generations());
        return registered.stream().map(Long::valueOf).filter(generation -> generation != current).sorted().toList();
    }

    /** Deletes every key of {@code generation} but its event markers, which expire by themselves. */
    public void drop(long generation) {
        GenerationKeys doomed = keys.generation(generation);
        List<String> batch = new ArrayList<>();
        batch.add(doomed.leaderboardAllTime());
        for (String topic : source.topics()) {
            batch.add(doomed.offsets(source.group(), topic));
        }
        int deleted = 0;
        for (String member : sets.smembers(doomed.days())) {
            LocalDate day = LocalDate.parse(member);
            batch.add(doomed.dayKpis(day));
            batch.add(doomed.leaderboardOfDay(day));
            if (batch.size() >= DELETE_BATCH) {
                deleted += unlink(batch);
            }
        }
        deleted += unlink(batch);
        keyCommands.unlink(doomed.days());
        sets.srem(keys.generations(), Long.toString(generation));
        LOG.infof("Deleted generation %d of the analytics keys (%d keys)", generation, deleted);
    }

    private int unlink(List<String> batch) {
        int deleted = batch.isEmpty() ? 0 : keyCommands.unlink(batch.toArray(new String[0]));
        batch.clear();
        return deleted;
    }
}
