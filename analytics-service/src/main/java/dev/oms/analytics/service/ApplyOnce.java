package dev.oms.analytics.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One call of {@code lua/apply-once.lua}: the record's position and event marker in the target generation, the
 * generation that must be current, and the writes of its effect. The writes happen only if that generation is
 * current and neither the offset nor the event id was applied before.
 */
public final class ApplyOnce {

    /** KEYS[1..3] are the offsets hash, the marker and the generation pointer; effect keys follow (Lua counts from 1). */
    private static final int FIRST_EFFECT_KEY = 4;

    private final List<String> keys = new ArrayList<>();
    private final List<String> args = new ArrayList<>();

    /**
     * @param target          the generation written
     * @param pointer         the key naming the current generation
     * @param requiredCurrent the generation that must be current: the target itself, or for a rebuild the one it
     *                        replaces
     */
    public ApplyOnce(GenerationKeys target, String pointer, long requiredCurrent, RecordPosition position,
                     UUID eventId, long markerTtlSeconds) {
        if (markerTtlSeconds <= 0) {
            throw new IllegalArgumentException("the marker TTL must be at least one second");
        }
        keys.add(target.offsets(position.group(), position.topic()));
        keys.add(target.appliedMarker(eventId));
        keys.add(pointer);
        args.add(Integer.toString(position.partition()));
        args.add(Long.toString(position.offset()));
        args.add(Long.toString(markerTtlSeconds));
        args.add(Long.toString(requiredCurrent));
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

    public ApplyOnce sadd(String key, String member) {
        return operation("SADD", key, member, "-");
    }

    LuaScript.Call call() {
        return new LuaScript.Call(List.copyOf(keys), List.copyOf(args));
    }

    private ApplyOnce operation(String command, String key, String fieldOrMember, String value) {
        int index = keys.indexOf(key);
        if (index < 0) {
            keys.add(key);
            index = keys.size() - 1;
        }
        if (index + 1 < FIRST_EFFECT_KEY) {
            throw new IllegalArgumentException("an effect must not write the offsets hash, the marker or the generation");
        }
        args.add(command);
        args.add(Integer.toString(index + 1));
        args.add(fieldOrMember);
        args.add(value);
        return this;
    }
}
