package dev.oms.system;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionSplitTest {

    private static final Map<String, Integer> SIX_EACH = Map.of("oms.payment-events", 6, "oms.order-requests.bulk", 6,
            "oms.payment-commands", 6, "oms.payment-commands.interactive", 6, "oms.order-events", 6);

    @Test
    void aGroupIsSplitWhenEveryReplicaHoldsPartOfEveryTopic() {
        PartitionSplit split = split("order-service", Map.of(
                "order-service", Map.of("oms.payment-events", partitions(3, 4, 5), "oms.order-requests.bulk", partitions(0, 1, 2)),
                "order-service-2", Map.of("oms.payment-events", partitions(0, 1, 2), "oms.order-requests.bulk", partitions(3, 4, 5))));

        assertEquals(Map.of(), split.unsplit(2, SIX_EACH));
        assertTrue(split.describe().contains("order-service: order-service-2 holds oms.order-requests.bulk [3, 4, 5], "
                + "oms.payment-events [0, 1, 2]"), split.describe());
    }

    @Test
    void aReplicaMissingATopicOrAbsentLeavesItsGroupUnsplit() {
        PartitionSplit oneTopicMissing = split("payment-service", Map.of(
                "payment-service", Map.of("oms.payment-commands", partitions(0, 1, 2, 3, 4, 5), "oms.payment-commands.interactive", partitions(0, 1, 2)),
                "payment-service-2", Map.of("oms.payment-commands.interactive", partitions(3, 4, 5))));
        PartitionSplit replicaAbsent = split("analytics-service", Map.of(
                "analytics-service", Map.of("oms.order-events", partitions(0, 1, 2, 3, 4, 5))));

        assertEquals(1, oneTopicMissing.unsplit(2, SIX_EACH).size());
        assertEquals(1, replicaAbsent.unsplit(2, SIX_EACH).size());
        assertEquals(Map.of(), replicaAbsent.unsplit(1, SIX_EACH), "one process holding everything is all one replica can do");
    }

    @Test
    void aPartitionHeldTwiceOrByNobodyLeavesItsGroupUnsplit() {
        PartitionSplit heldTwice = split("analytics-service", Map.of(
                "analytics-service", Map.of("oms.order-events", partitions(0, 1, 2, 3)),
                "analytics-service-2", Map.of("oms.order-events", partitions(3, 4, 5))));
        PartitionSplit oneMissing = split("analytics-service", Map.of(
                "analytics-service", Map.of("oms.order-events", partitions(0, 1)),
                "analytics-service-2", Map.of("oms.order-events", partitions(3, 4, 5))));

        assertEquals(1, heldTwice.unsplit(2, SIX_EACH).size());
        assertEquals(1, oneMissing.unsplit(2, SIX_EACH).size());
    }

    @Test
    void aReplicaIsNamedByTheClientIdPrefixItWasGiven() {
        assertEquals("order-service-2", OmsSystem.instanceOfClient("order-service-2_kafka-consumer-payment-events-1"));
        assertEquals("kafka-consumer-kpi-events", OmsSystem.instanceOfClient("kafka-consumer-kpi-events"));
    }

    private static PartitionSplit split(String group, Map<String, Map<String, SortedSet<Integer>>> byInstance) {
        SortedMap<String, SortedMap<String, SortedSet<Integer>>> instances = new TreeMap<>();
        byInstance.forEach((instance, topics) -> instances.put(instance, new TreeMap<>(topics)));
        return new PartitionSplit(new TreeMap<>(Map.of(group, instances)));
    }

    private static SortedSet<Integer> partitions(Integer... partitions) {
        return new TreeSet<>(List.of(partitions));
    }
}
