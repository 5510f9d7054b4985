package dev.oms.platform.messaging;

import dev.oms.events.EventEnvelope;

import java.util.List;

/**
 * How a consumer applies a batch of events (see {@link IncomingEvents#handleBatch}): all of them together, and each
 * on its own when the batch as a whole failed.
 */
public interface BatchHandler {

    /**
     * Runs {@code applyEach}, which calls {@link #inBatch} for every event in order, so that the effects of the
     * whole batch are kept together or not at all (one transaction); throws if they were not kept.
     */
    void together(List<EventEnvelope> events, Runnable applyEach);

    /** Applies one event as part of the batch being applied together. */
    void inBatch(EventEnvelope event);

    /** Applies one event by itself, as {@link IncomingEvents#handle} does; a poison event throws {@link PoisonEventException}. */
    void alone(EventEnvelope event);
}
