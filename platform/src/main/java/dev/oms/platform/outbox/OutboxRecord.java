package dev.oms.platform.outbox;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Lane;
import dev.oms.events.Topics;

import java.util.UUID;

/** One outbox row as written: the event, where it goes, and what the relay needs to order and shard it. */
public record OutboxRecord(UUID eventId, int slot, int priority, String topic, String key, byte[] payload,
                           String traceparent) {

    public static OutboxRecord of(EventEnvelope envelope, Lane lane, String traceparent) {
        return new OutboxRecord(envelope.id(), OutboxSlots.slotOf(envelope.key()), OutboxSlots.priorityOf(lane),
                Topics.topicFor(envelope.data(), lane), envelope.key(), EventCodec.encode(envelope), traceparent);
    }
}
