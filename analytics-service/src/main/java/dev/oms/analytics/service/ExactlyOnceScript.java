package dev.oms.analytics.service;

import dev.oms.analytics.config.AnalyticsConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs {@code lua/apply-records.lua}, which in one atomic step does nothing when the current generation is not the
 * expected one, and otherwise, record by record, skips a record whose offset was already applied for its (group,
 * topic, partition), skips the effect of an event id applied within the dedupe window, otherwise applies the effect
 * and marks the event id, and finally advances the stored offset. Because progress and effect are written together,
 * a crash can never leave an effect applied without its offset or the other way round.
 */
@ApplicationScoped
public class ExactlyOnceScript {

    private final LuaScript script;
    private final KeyLayout keys;
    private final long markerTtlSeconds;

    public ExactlyOnceScript(RedisDataSource redis, KeyLayout keys, AnalyticsConfig config) {
        this.script = new LuaScript(redis, "lua/apply-records.lua");
        this.keys = keys;
        this.markerTtlSeconds = config.dedupeWindow().toSeconds();
    }

    public ApplyOutcome run(ApplyOnce record, long requiredCurrent) {
        return runAll(List.of(record), requiredCurrent).get(0);
    }

    /**
     * Applies the records in order, in one call: an outcome per record, or {@link ApplyOutcome#GENERATION_MOVED} for
     * every one of them when {@code requiredCurrent} is not the current generation.
     */
    public List<ApplyOutcome> runAll(List<ApplyOnce> records, long requiredCurrent) {
        return outcomes(script.run(batch(records, requiredCurrent)), records.size());
    }

    private LuaScript.Call batch(List<ApplyOnce> records, long requiredCurrent) {
        ApplyBatch batch = new ApplyBatch(keys.currentGeneration(), requiredCurrent, markerTtlSeconds);
        records.forEach(batch::add);
        return batch.call();
    }

    private List<ApplyOutcome> outcomes(Response response, int count) {
        if (response.type() != ResponseType.MULTI) {
            if (response.toInteger() != 3) {
                throw new IllegalStateException(script.resource() + " answered " + response);
            }
            return Collections.nCopies(count, ApplyOutcome.GENERATION_MOVED);
        }
        List<ApplyOutcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < response.size(); i++) {
            outcomes.add(outcome(response.get(i).toInteger()));
        }
        return outcomes;
    }

    private ApplyOutcome outcome(int code) {
        switch (code) {
            case 0:
                return ApplyOutcome.OFFSET_ALREADY_APPLIED;
            case 1:
                return ApplyOutcome.APPLIED;
            case 2:
                return ApplyOutcome.EVENT_ALREADY_APPLIED;
            default:
                throw new IllegalStateException(script.resource() + " returned an unknown outcome " + code);
        }
    }
}
