package dev.oms.platform.messaging;

import dev.oms.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * How a consumer applies a batch of events (see {@link IncomingEvents#handleBatch}): all of them together, and each
 * on its own when the batch as a whole failed. Each event comes with the record it was read from, for a consumer
 * that keeps its own progress per partition.
 */
public interface BatchHandler {

    /**
     * Runs {@code applyEach}, which calls {@link #inBatch} for every event in order, so that the effects of the
     * whole batch are kept together or not at all (one transaction); throws if they were not kept.
     */
    void together(List<EventEnvelope> events, Runnable applyEach);

    /** Applies one event as part of the batch being applied together. */
    void inBatch(ConsumerRecord<String, byte[]> record, EventEnvelope event);

    /** Applies one event by itself (its own transaction); a poison event throws {@link PoisonEventException}. */
    void alone(ConsumerRecord<String, byte[]> record, EventEnvelope event);

    /**
     * Runs once a record has been dead-lettered on the one-by-one path, before the batch is acknowledged: for a
     * consumer that stores its own progress, so a dead-lettered record counts as consumed there too. If it fails,
     * the record is dead-lettered again on the next attempt (a dead letter may repeat; it is never lost).
     */
    default void deadLettered(ConsumerRecord<String, byte[]> record) {
    }
}
