package dev.oms.analytics.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code lua/apply-once.lua}, which in one atomic step skips a record whose offset was already applied for
 * its (group, topic, partition), skips the effect of an event id applied within the dedupe window, otherwise
 * applies the effect and marks the event id, and finally advances the stored offset. Because progress and effect
 * are written together, a crash can never leave an effect applied without its offset or the other way round.
 *
 * <p>Calls by SHA (EVALSHA) after one SCRIPT LOAD; if Redis lost its script cache (restart, failover, SCRIPT
 * FLUSH) the call falls back to EVAL, which also caches the script again.
 */
@ApplicationScoped
public class ExactlyOnceScript {

    private static final String RESOURCE = "lua/apply-once.lua";

    private final RedisDataSource redis;
    private final String script;
    private volatile String sha;

    public ExactlyOnceScript(RedisDataSource redis) {
        this.redis = redis;
        this.script = load();
    }

    public ApplyOutcome run(ApplyOnce call) {
        Response response;
        try {
            response = redis.execute("EVALSHA", arguments(sha(), call));
        } catch (RuntimeException e) {
            if (!isMissingScript(e)) {
                throw e;
            }
            response = redis.execute("EVAL", arguments(script, call));
        }
        return outcome(response.toInteger());
    }

    /** Whether Redis answered NOSCRIPT (it does not know the script's SHA). */
    static boolean isMissingScript(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.startsWith("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    private String sha() {
        String known = sha;
        if (known == null) {
            known = redis.execute("SCRIPT", "LOAD", script).toString();
            sha = known;
        }
        return known;
    }

    /** EVAL / EVALSHA arguments: the script or its SHA, the number of keys, the keys, the other arguments. */
    private static String[] arguments(String scriptOrSha, ApplyOnce call) {
        List<String> arguments = new ArrayList<>();
        arguments.add(scriptOrSha);
        arguments.add(Integer.toString(call.keys().size()));
        arguments.addAll(call.keys());
        arguments.addAll(call.args());
        return arguments.toArray(new String[0]);
    }

    private static ApplyOutcome outcome(int code) {
        switch (code) {
            case 0:
                return ApplyOutcome.OFFSET_ALREADY_APPLIED;
            case 1:
                return ApplyOutcome.APPLIED;
            case 2:
                return ApplyOutcome.EVENT_ALREADY_APPLIED;
            default:
                throw new IllegalStateException(RESOURCE + " returned an unknown outcome " + code);
        }
    }

    private static String load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
