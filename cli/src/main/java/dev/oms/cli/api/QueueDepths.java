package dev.oms.cli.api;

import java.util.List;

/** analytics-service's view of the queues: consumer lag per group and topic, and dead-letter queue sizes. */
public record QueueDepths(List<GroupLag> consumerGroups, List<DeadLetterDepth> deadLetters) {

    public record GroupLag(String group, String topic, long lag) {
    }

    public record DeadLetterDepth(String topic, long records) {
    }
}
