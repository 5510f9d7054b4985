package dev.oms.analytics.service;

import java.util.ArrayList;
import java.util.List;

/**
 * One call of {@code lua/apply-once.lua}: the record's position and event marker, and the writes of its effect.
 * The writes happen only if neither the offset nor the event id was applied before.
 */
public final class ApplyOnce {

    /** KEYS[1] and KEYS[2] are the offsets hash and the marker; effect keys follow (Lua indexes from 1). */
    private static final int FIRST_EFFECT_KEY = 3;

    private final List<String> keys = new ArrayList<>();
    private final List<String> args = new ArrayList<>();

    public ApplyOnce(String offsetsKey, RecordPosition position, String markerKey, long markerTtlSeconds) {
        if (markerTtlSeconds <= 0) {
            throw new IllegalArgumentException("the marker TTL must be at least one second");
        }
        keys.add(offsetsKey);
        keys.add(markerKey);
        args.add(Integer.toString(position.partition()));
        args.add(Long.toString(position.offset()));
        args.add(Long.toString(markerTtlSeconds));
    }

    public ApplyOnce hincrby(String key, String field, long increment) {
        return operation("HINCRBY", key, field, Long.toString(increment));
    }

    public ApplyOnce zincrby(String key, String member, long increment) {
        return operation("ZINCRBY", key, member, Long.toString(increment));
    }

    public ApplyOnce hset(String key, String field, String value) {
        return operation("HSET", key, field, value);
    }

    List<String> keys() {
        return List.copyOf(keys);
    }

    List<String> args() {
        return List.copyOf(args);
    }

    private ApplyOnce operation(String command, String key, String fieldOrMember, String value) {
        int index = keys.indexOf(key);
        if (index < 0) {
            keys.add(key);
            index = keys.size() - 1;
        }
        if (index + 1 < FIRST_EFFECT_KEY) {
            throw new IllegalArgumentException("an effect must not write the offsets hash or the event marker");
        }
        args.add(command);
        args.add(Integer.toString(index + 1));
        args.add(fieldOrMember);
        args.add(value);
        return this;
    }
}
