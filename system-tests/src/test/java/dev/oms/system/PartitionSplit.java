package dev.oms.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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

    /** The groups whose topics are not each split between all of the group's processes, with what they hold. */
    Map<String, String> unsplit(int processesPerGroup) {
        return byGroup.entrySet().stream()
                .filter(group -> group.getValue().size() < processesPerGroup || group.getValue().values().stream()
                        .anyMatch(topics -> !topics.keySet().equals(topicsOf(group.getValue()))))
                .collect(Collectors.toMap(Map.Entry::getKey, group -> group.getValue().toString(), (a, b) -> a, TreeMap::new));
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
