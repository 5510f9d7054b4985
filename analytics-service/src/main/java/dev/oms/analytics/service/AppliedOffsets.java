package dev.oms.analytics.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** Reads the per-partition progress that {@code apply-records.lua} stores with every applied record. */
@ApplicationScoped
public class AppliedOffsets {

    private final HashCommands<String, String, String> hashes;
    private final Generations generations;

    public AppliedOffsets(RedisDataSource redis, Generations generations) {
        this.hashes = redis.hash(String.class);
        this.generations = generations;
    }

    /** Partition → offset of the last record applied to the current generation; partitions never applied are absent. */
    public Map<Integer, Long> of(String group, String topic) {
        return of(generations.currentKeys(), group, topic);
    }

    /** Partition → offset of the last record applied to {@code generation}. */
    public Map<Integer, Long> of(GenerationKeys generation, String group, String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        hashes.hgetall(generation.offsets(group, topic))
                .forEach((partition, offset) -> offsets.put(Integer.valueOf(partition), Long.valueOf(offset)));
        return offsets;
    }
}
