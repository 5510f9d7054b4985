package dev.oms.platform.messaging;

import java.time.Instant;

/**
 * A record in a dead-letter topic, with where it came from and why it could not be applied. {@code payload} is the
 * record's value as text (CloudEvents JSON when it is readable at all).
 */
public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
                         Integer originalPartition, Long originalOffset, String service, String consumer,
                         String reason, Instant failedAt, String payload) {
}
