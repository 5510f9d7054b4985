package dev.oms.analytics.messaging;

import dev.oms.analytics.service.AppliedOffsets;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes Redis the source of truth for progress: on assignment each partition resumes right after the last record
 * applied to Redis, and a partition Redis has no progress for starts from the beginning. Kafka's committed offset
 * is never used: if Redis lost writes (restored from an older AOF, or restarted without persistence) the lost
 * records are read again instead of skipped, so the KPIs rebuild themselves from the order events, kept forever.
 *
 * <p>If Redis cannot be read here the exception fails the poll: resuming from Kafka's offset could skip records
 * Redis no longer has, so the channel reports itself unhealthy instead of counting from a position it cannot trust.
 */
@ApplicationScoped
@Identifier("analytics-rebalancer")
public class RedisOffsetsRebalancer implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(RedisOffsetsRebalancer.class);

    private final AppliedOffsets appliedOffsets;

    public RedisOffsetsRebalancer(AppliedOffsets appliedOffsets) {
        this.appliedOffsets = appliedOffsets;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        String group = consumer.groupMetadata().groupId();
        Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long applied = byTopic.computeIfAbsent(partition.topic(), topic -> appliedOffsets.of(group, topic))
                    .get(partition.partition());
            if (applied != null) {
                consumer.seek(partition, applied + 1);
                LOG.debugf("%s resumes at offset %d (from Redis)", partition, applied + 1);
            } else {
                consumer.seekToBeginning(List.of(partition));
                LOG.infof("%s has no progress in Redis: reading it from the beginning", partition);
            }
        }
    }
}
