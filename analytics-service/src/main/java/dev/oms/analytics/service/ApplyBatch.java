package dev.oms.analytics.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lays records out as the keys and arguments of one {@code lua/apply-records.lua} call. */
final class ApplyBatch {

    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> keyIndexes = new HashMap<>();
    private final List<String> args = new ArrayList<>();

    /**
     * @param pointer         the key naming the current generation (KEYS[1])
     * @param requiredCurrent the generation that must be current: the target itself, or for a rebuild the one it
     *                        replaces
     */
    ApplyBatch(String pointer, long requiredCurrent, long markerTtlSeconds) {
        if (markerTtlSeconds <= 0) {
            throw new IllegalArgumentException("the marker TTL must be at least one second");
        }
        index(pointer);
        args.add(Long.toString(markerTtlSeconds));
        args.add(Long.toString(requiredCurrent));
    }

    ApplyBatch add(ApplyOnce record) {
        args.add(index(record.offsetsKey()));
        args.add(Integer.toString(record.position().partition()));
        args.add(Long.toString(record.position().offset()));
        args.add(index(record.markerKey()));
        List<ApplyOnce.Operation> operations = record.operations();
        args.add(Integer.toString(operations.size()));
        for (ApplyOnce.Operation operation : operations) {
            if (operation.key().equals(keys.get(0))) {
                throw new IllegalArgumentException("an effect must not write the generation pointer");
            }
            args.add(operation.command());
            args.add(index(operation.key()));
            args.add(operation.fieldOrMember());
            args.add(operation.value());
        }
        return this;
    }

    LuaScript.Call call() {
        return new LuaScript.Call(List.copyOf(keys), List.copyOf(args));
    }

    /** The key's position in KEYS as Lua counts (from 1), adding it the first time. */
    private String index(String key) {
        Integer index = keyIndexes.get(key);
        if (index == null) {
            keys.add(key);
            index = keys.size();
            keyIndexes.put(key, index);
        }
        return Integer.toString(index);
    }
}
