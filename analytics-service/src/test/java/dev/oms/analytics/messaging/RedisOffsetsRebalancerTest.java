package dev.oms.analytics.messaging;

import dev.oms.analytics.service.Generations;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The listener the channel is configured with, on a real consumer of a group of its own (so the service's consumer
 * is not rebalanced): partitions with progress in Redis resume right after it, the others from the beginning,
 * whatever offset Kafka has committed for them.
 */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class RedisOffsetsRebalancerTest {

    @Inject
    @Identifier("analytics-rebalancer")
    KafkaConsumerRebalanceListener rebalancer;
    @Inject
    Generations generations;
    @Inject
    RedisDataSource redis;

    @Test
    void seeksEachAssignedPartitionRightAfterTheOffsetAppliedInRedis() {
        String group = "rebalance-test-" + UUID.randomUUID();
        redis.hash(String.class).hset(generations.currentKeys().offsets(group, Topics.ORDER_EVENTS), Map.of("1", "41", "3", "7"));
        List<TopicPartition> partitions = List.of(partition(1), partition(2), partition(3));

        try (KafkaConsumer<String, byte[]> consumer = consumer(group)) {
            consumer.assign(partitions);
            // Kafka remembers progress for partition 2 that Redis does not have (Redis lost it): Redis wins.
            consumer.commitSync(Map.of(partition(2), new OffsetAndMetadata(5)));
            rebalancer.onPartitionsAssigned(consumer, partitions);

            assertEquals(42, consumer.position(partition(1)));
            assertEquals(8, consumer.position(partition(3)));
            long beginning = consumer.beginningOffsets(List.of(partition(2))).get(partition(2));
            assertEquals(beginning, consumer.position(partition(2)));
        }
    }

    private static TopicPartition partition(int number) {
        return new TopicPartition(Topics.ORDER_EVENTS, number);
    }

    private static KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
