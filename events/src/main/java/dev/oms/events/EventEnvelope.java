package dev.oms.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One fact as it travels on Kafka, with the CloudEvents 1.0 context attributes. The {@code id} is fixed when
 * the fact is recorded and never changes, so a re-published record can be recognised and applied once.
 */
public record EventEnvelope(UUID id, String source, String type, Instant time, UUID subject, OmsEvent data) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (!subject.equals(data.orderId())) {
            throw new IllegalArgumentException("subject " + subject + " is not the order id " + data.orderId());
        }
        if (!type.equals(EventTypes.typeOf(data.getClass()))) {
            throw new IllegalArgumentException("type " + type + " does not match payload " + data.getClass().getSimpleName());
        }
    }

    public static EventEnvelope of(UUID id, String source, Instant time, OmsEvent data) {
        return new EventEnvelope(id, source, EventTypes.typeOf(data.getClass()), time, data.orderId(), data);
    }

    /** The record key: every event of one order goes to one partition. */
    public String key() {
        return data.orderId().toString();
    }
}
