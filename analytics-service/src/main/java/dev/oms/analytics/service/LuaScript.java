package dev.oms.analytics.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lua script from the classpath, called by SHA (EVALSHA) after one SCRIPT LOAD. If Redis lost its script cache
 * (restart, failover, SCRIPT FLUSH) a call answers NOSCRIPT; the script is then loaded again and the call repeated,
 * which is safe for the scripts here because each checks its own preconditions before it writes.
 */
final class LuaScript {

    /** Keys and other arguments of one call. */
    record Call(List<String> keys, List<String> args) {
    }

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private final String resource;
    private final String source;
    private volatile String sha;

    LuaScript(RedisDataSource redis, String resource) {
        this.redis = redis;
        this.reactive = redis.getReactive();
        this.resource = resource;
        this.source = load(resource);
    }

    Response run(Call call) {
        try {
            return redis.execute(Command.EVALSHA, arguments(sha(), call));
        } catch (RuntimeException e) {
            if (!isMissingScript(e)) {
                throw e;
            }
            sha = null;
            return redis.execute(Command.EVALSHA, arguments(sha(), call));
        }
    }

    /** {@link #run} without blocking: for the HTTP reads, which answer on the event loop. */
    Uni<Response> send(Call call) {
        return loadedSha().chain(known -> reactive.execute(Command.EVALSHA, arguments(known, call)))
                .onFailure(LuaScript::isMissingScript).recoverWithUni(() -> {
                    sha = null;
                    return loadedSha().chain(known -> reactive.execute(Command.EVALSHA, arguments(known, call)));
                });
    }

    String resource() {
        return resource;
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

    private Uni<String> loadedSha() {
        String known = sha;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return reactive.execute(Command.SCRIPT, "LOAD", source).map(loaded -> {
            String fresh = loaded.toString();
            sha = fresh;
            return fresh;
        });
    }

    private String sha() {
        String known = sha;
        if (known == null) {
            known = redis.execute(Command.SCRIPT, "LOAD", source).toString();
            sha = known;
        }
        return known;
    }

    /** EVALSHA arguments: the SHA, the number of keys, the keys, the other arguments. */
    private static String[] arguments(String sha, Call call) {
        List<String> arguments = new ArrayList<>(2 + call.keys().size() + call.args().size());
        arguments.add(sha);
        arguments.add(Integer.toString(call.keys().size()));
        arguments.addAll(call.keys());
        arguments.addAll(call.args());
        return arguments.toArray(new String[0]);
    }

    private static String load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
