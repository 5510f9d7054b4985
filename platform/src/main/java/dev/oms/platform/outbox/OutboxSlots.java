package dev.oms.platform.outbox;

import dev.oms.events.Lane;

/**
 * Where an outbox row sits for the relays: its slot (by record key, so all events of one order share one) and its
 * priority (by lane). Slots are fixed when a row is written; shards are sets of slots, so the shard count can
 * change between deployments without moving rows.
 */
public final class OutboxSlots {

    public static final int SLOTS = 64;
    public static final int INTERACTIVE_PRIORITY = 0;
    public static final int BULK_PRIORITY = 1;

    private OutboxSlots() {
    }

    /** String.hashCode is specified by the JLS, so every replica and version computes the same slot. */
    public static int slotOf(String recordKey) {
        return Math.floorMod(recordKey.hashCode(), SLOTS);
    }

    public static int priorityOf(Lane lane) {
        return lane == Lane.INTERACTIVE ? INTERACTIVE_PRIORITY : BULK_PRIORITY;
    }

    public static int shardOf(int slot, int shards) {
        return slot % shards;
    }
}
