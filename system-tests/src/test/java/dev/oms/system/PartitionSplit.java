package dev.oms.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which process holds which partitions in each consumer group, as the broker assigned them: the proof that replicas
 * of a service share its work. Members are told apart by the replica name their Kafka client ids start with
 * ({@link OmsSystem#instanceOfClient}).
 */
record PartitionSplit(SortedMap<String, SortedMap<String, SortedMap<String, SortedSet<Integer>>>> byGroup) {

    static PartitionSplit of(String bootstrapServers, Collection<String> groups) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
            SortedMap<String, SortedMap<String, SortedMap<String, SortedSet<Integer>>>> byGroup = new TreeMap<>();
            described.forEach((group, description) -> {
                SortedMap<String, SortedMap<String, SortedSet<Integer>>> byInstance = new TreeMap<>();
                for (MemberDescription member : description.members()) {
                    SortedMap<String, SortedSet<Integer>> byTopic = byInstance.computeIfAbsent(
                            OmsSystem.instanceOfClient(member.clientId()), instance -> new TreeMap<>());
                    for (TopicPartition partition : member.assignment().topicPartitions()) {
                        byTopic.computeIfAbsent(partition.topic(), topic -> new TreeSet<>()).add(partition.partition());
                    }
                }
                byGroup.put(group, byInstance);
            });
            return new PartitionSplit(byGroup);
        }
    }

    /**
     * The groups, with what each process holds, where a process holds nothing of a topic its group reads, where
     * fewer than {@code processesPerGroup} processes take part, or where a topic's partitions ({@code partitions} by
     * topic) are not each held exactly once.
     */
    Map<String, String> unsplit(int processesPerGroup, Map<String, Integer> partitions) {
        return byGroup.entrySet().stream()
                .filter(group -> group.getValue().size() < processesPerGroup
                        || group.getValue().values().stream().anyMatch(topics -> !topics.keySet().equals(topicsOf(group.getValue())))
                        || topicsOf(group.getValue()).stream().anyMatch(topic -> !heldOnce(group.getValue(), topic, partitions.get(topic))))
                .collect(Collectors.toMap(Map.Entry::getKey, group -> group.getValue().toString(), (a, b) -> a, TreeMap::new));
    }

    private static boolean heldOnce(SortedMap<String, SortedMap<String, SortedSet<Integer>>> byInstance, String topic,
                                    Integer partitions) {
        List<Integer> held = byInstance.values().stream()
                .flatMap(topics -> topics.getOrDefault(topic, new TreeSet<>()).stream()).sorted().toList();
        return partitions != null && held.equals(IntStream.range(0, partitions).boxed().toList());
    }

    private static SortedSet<String> topicsOf(SortedMap<String, SortedMap<String, SortedSet<Integer>>> byInstance) {
        return byInstance.values().stream().flatMap(topics -> topics.keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** One line per group and process: {@code order-service: order-service-2 holds oms.payment-events [3, 4, 5], ...}. */
    String describe() {
        return byGroup.entrySet().stream().flatMap(group -> group.getValue().entrySet().stream()
                        .map(instance -> group.getKey() + ": " + instance.getKey() + " holds " + instance.getValue().entrySet()
                                .stream().map(topic -> topic.getKey() + " " + topic.getValue())
                                .collect(Collectors.joining(", "))))
                .collect(Collectors.joining("\n"));
    }

    /** As JSON: {@code {"group": {"instance": {"topic": [partitions]}}}}. */
    String json() {
        return byGroup.entrySet().stream().map(group -> "\"" + group.getKey() + "\": {" + group.getValue().entrySet().stream()
                        .map(instance -> "\"" + instance.getKey() + "\": {" + instance.getValue().entrySet().stream()
                                .map(topic -> "\"" + topic.getKey() + "\": " + topic.getValue())
                                .collect(Collectors.joining(", ")) + "}")
                        .collect(Collectors.joining(", ")) + "}")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
