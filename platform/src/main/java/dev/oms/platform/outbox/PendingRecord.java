package dev.oms.platform.outbox;

import java.time.Instant;

/** An outbox row waiting to be published, as the relay reads it. */
public record PendingRecord(long seq, String topic, String key, byte[] payload, String traceparent, Instant createdAt) {
}
