package dev.oms.analytics.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One record for {@code lua/apply-records.lua}: where it was read from, its event marker in the target generation,
 * and the writes of its effect. The writes happen only if neither the offset nor the event id was applied before.
 */
public final class ApplyOnce {

    /** One write of the effect. */
    record Operation(String command, String key, String fieldOrMember, String value) {
    }

    private final String offsetsKey;
    private final String markerKey;
    private final RecordPosition position;
    private final List<Operation> operations = new ArrayList<>();

    public ApplyOnce(GenerationKeys target, RecordPosition position, UUID eventId) {
        this.offsetsKey = target.offsets(position.group(), position.topic());
        this.markerKey = target.appliedMarker(eventId);
        this.position = position;
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

    String offsetsKey() {
        return offsetsKey;
    }

    String markerKey() {
        return markerKey;
    }

    RecordPosition position() {
        return position;
    }

    boolean hasWrites() {
        return !operations.isEmpty();
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    private ApplyOnce operation(String command, String key, String fieldOrMember, String value) {
        if (key.equals(offsetsKey) || key.equals(markerKey)) {
            throw new IllegalArgumentException("an effect must not write the offsets hash or the event marker");
        }
        operations.add(new Operation(command, key, fieldOrMember, value));
        return this;
    }
}
