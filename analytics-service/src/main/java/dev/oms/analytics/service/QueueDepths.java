package dev.oms.analytics.service;

import dev.oms.events.Topics;
import dev.oms.platform.messaging.KafkaClientSettings;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far behind every consumer group is, per topic (the topic's end offsets less the group's committed offsets,
 * summed over partitions), and how many records wait in each dead-letter queue, read from the broker's admin API.
 * analytics-service keeps its true progress in Redis; its committed offsets trail that a little.
 */
@ApplicationScoped
public class QueueDepths {

    private static final long TIMEOUT_SECONDS = 10;

    /** Lag of one consumer group on one topic. */
    public record GroupLag(String group, String topic, long lag) {
    }

    /** Records in one dead-letter queue. */
    public record DeadLetterDepth(String topic, long records) {
    }

    public record Depths(List<GroupLag> consumerGroups, List<DeadLetterDepth> deadLetters) {
    }

    private final Admin admin;

    public QueueDepths(KafkaClientSettings kafka) {
        this.admin = Admin.create(kafka.with(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "analytics-queue-depths")));
    }

    public Depths read() {
        try {
            return new Depths(groupLags(), deadLetters());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the queues from Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the queues", e);
        }
    }

    private List<GroupLag> groupLags() throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committedByGroup = new TreeMap<>();
        Set<TopicPartition> partitions = new HashSet<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            committedByGroup.put(group.groupId(), committed);
            partitions.addAll(committed.keySet());
        }
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        List<GroupLag> lags = new ArrayList<>();
        committedByGroup.forEach((group, committed) -> {
            Map<String, Long> byTopic = new TreeMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null && ends.containsKey(partition)) {
                    byTopic.merge(partition.topic(), Math.max(0, ends.get(partition) - offset.offset()), Long::sum);
                }
            });
            byTopic.forEach((topic, lag) -> lags.add(new GroupLag(group, topic, lag)));
        });
        return lags;
    }

    private List<DeadLetterDepth> deadLetters() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = new HashSet<>();
        for (Topics.TopicSpec spec : Topics.all()) {
            if (spec.name().endsWith(".dlq") && existing.contains(spec.name())) {
                for (int partition = 0; partition < spec.partitions(); partition++) {
                    partitions.add(new TopicPartition(spec.name(), partition));
                }
            }
        }
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<String, Long> byTopic = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            byTopic.merge(partition.topic(), ends.getOrDefault(partition, 0L) - starts.getOrDefault(partition, 0L),
                    Long::sum);
        }
        return byTopic.entrySet().stream().map(e -> new DeadLetterDepth(e.getKey(), e.getValue())).toList();
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    void close(@Observes ShutdownEvent event) {
        admin.close();
    }
}
