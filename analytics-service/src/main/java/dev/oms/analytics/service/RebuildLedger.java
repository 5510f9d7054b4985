package dev.oms.analytics.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rebuild's state and lock in Redis, shared by every replica: any replica answers for a rebuild another one
 * runs, and only one rebuild runs at a time. The lock is a lease its runner renews with every batch; a runner that
 * died leaves a rebuild marked running without a lock, shown as {@link RebuildStatus.State#ABANDONED}.
 */
@ApplicationScoped
public class RebuildLedger {

    private final KeyLayout keys;
    private final HashCommands<String, String, String> hashes;
    private final ValueCommands<String, String> values;
    private final LuaScript leaseScript;

    public RebuildLedger(RedisDataSource redis, KeyLayout keys) {
        this.keys = keys;
        this.hashes = redis.hash(String.class);
        this.values = redis.value(String.class);
        this.leaseScript = new LuaScript(redis, "lua/lease.lua");
    }

    /** Takes the lock for {@code runner}; false when another rebuild holds it. */
    public boolean lock(String runner, Duration lease) {
        values.set(keys.rebuildLock(), runner, new SetArgs().nx().px(lease));
        return runner.equals(values.get(keys.rebuildLock()));
    }

    /** Extends the lease; false when {@code runner} lost the lock (its lease ran out). */
    public boolean renew(String runner, Duration lease) {
        return leaseScript.run(new LuaScript.Call(List.of(keys.rebuildLock()),
                List.of(runner, Long.toString(lease.toMillis())))).toInteger() == 1;
    }

    public void unlock(String runner) {
        leaseScript.run(new LuaScript.Call(List.of(keys.rebuildLock()), List.of(runner, "0")));
    }

    public void save(RebuildStatus status) {
        Map<String, String> fields = new HashMap<>();
        fields.put("id", status.id());
        fields.put("state", status.state().name());
        fields.put("fromGeneration", Long.toString(status.fromGeneration()));
        fields.put("toGeneration", Long.toString(status.toGeneration()));
        fields.put("startedAt", status.startedAt().toString());
        fields.put("finishedAt", status.finishedAt() == null ? "" : status.finishedAt().toString());
        fields.put("recordsRead", Long.toString(status.recordsRead()));
        fields.put("recordsTotal", Long.toString(status.recordsTotal()));
        fields.put("eventsApplied", Long.toString(status.eventsApplied()));
        fields.put("recordsSkipped", Long.toString(status.recordsSkipped()));
        fields.put("recordsPerSecond", Long.toString(status.recordsPerSecond()));
        fields.put("error", status.error() == null ? "" : status.error());
        hashes.hset(keys.rebuildStatus(), fields);
    }

    /** The latest rebuild, if any ever ran. */
    public Optional<RebuildStatus> latest() {
        Map<String, String> fields = hashes.hgetall(keys.rebuildStatus());
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        RebuildStatus.State state = RebuildStatus.State.valueOf(fields.get("state"));
        if (state == RebuildStatus.State.RUNNING && values.get(keys.rebuildLock()) == null) {
            state = RebuildStatus.State.ABANDONED;
        }
        return Optional.of(new RebuildStatus(fields.get("id"), state, number(fields, "fromGeneration"),
                number(fields, "toGeneration"), Instant.parse(fields.get("startedAt")), instant(fields, "finishedAt"),
                number(fields, "recordsRead"), number(fields, "recordsTotal"), number(fields, "eventsApplied"),
                number(fields, "recordsSkipped"), number(fields, "recordsPerSecond"), text(fields, "error")));
    }

    private static long number(Map<String, String> fields, String name) {
        return Long.parseLong(fields.getOrDefault(name, "0"));
    }

    private static Instant instant(Map<String, String> fields, String name) {
        String value = text(fields, name);
        return value == null ? null : Instant.parse(value);
    }

    private static String text(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
