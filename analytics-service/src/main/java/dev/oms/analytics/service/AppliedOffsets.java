package dev.oms.analytics.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** Reads the per-partition progress that {@code apply-once.lua} stores with every applied record. */
@ApplicationScoped
public class AppliedOffsets {

    private final HashCommands<String, String, String> hashes;
    private final KeyLayout keys;

    public AppliedOffsets(RedisDataSource redis, KeyLayout keys) {
        this.hashes = redis.hash(String.class);
        this.keys = keys;
    }

    /** Partition → offset of the last record applied; partitions never applied are absent. */
    public Map<Integer, Long> of(String group, String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        hashes.hgetall(keys.offsets(group, topic))
                .forEach((partition, offset) -> offsets.put(Integer.valueOf(partition), Long.valueOf(offset)));
        return offsets;
    }
}
