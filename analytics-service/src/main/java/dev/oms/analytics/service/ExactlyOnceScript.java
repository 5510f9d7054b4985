package dev.oms.analytics.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code lua/apply-once.lua}, which in one atomic step skips a record when its target generation is not the
 * expected one, skips a record whose offset was already applied for its (group, topic, partition), skips the effect
 * of an event id applied within the dedupe window, otherwise applies the effect and marks the event id, and
 * finally advances the stored offset. Because progress and effect are written together, a crash can never leave
 * an effect applied without its offset or the other way round.
 */
@ApplicationScoped
public class ExactlyOnceScript {

    private final LuaScript script;
    private final Redis client;

    public ExactlyOnceScript(RedisDataSource redis, Redis client) {
        this.script = new LuaScript(redis, "lua/apply-once.lua");
        this.client = client;
    }

    public ApplyOutcome run(ApplyOnce call) {
        return outcome(script.run(call.call()).toInteger());
    }

    /** Runs the calls in order as one pipeline (see {@link LuaScript#runPipelined}). */
    public List<ApplyOutcome> runAll(List<ApplyOnce> calls) {
        List<LuaScript.Call> scriptCalls = new ArrayList<>(calls.size());
        calls.forEach(call -> scriptCalls.add(call.call()));
        List<ApplyOutcome> outcomes = new ArrayList<>(calls.size());
        for (Response response : script.runPipelined(client, scriptCalls)) {
            outcomes.add(outcome(response.toInteger()));
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
            case 3:
                return ApplyOutcome.GENERATION_MOVED;
            default:
                throw new IllegalStateException(script.resource() + " returned an unknown outcome " + code);
        }
    }
}
