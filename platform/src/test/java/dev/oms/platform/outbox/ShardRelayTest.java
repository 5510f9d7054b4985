package dev.oms.platform.outbox;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Lane;
import dev.oms.events.Money;
import dev.oms.events.OrderCancelled;
import dev.oms.events.Topics;
import dev.oms.infra.KafkaBroker;
import dev.oms.infra.testing.KafkaTestClient;
import dev.oms.platform.PlatformTestDatabase;
import dev.oms.platform.ids.Uuids;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox relay against a real MariaDB/MySQL and a real Kafka broker. */
class ShardRelayTest {

    private static PlatformTestDatabase database;
    private static KafkaBroker broker;
    private static KafkaProducer<String, byte[]> producer;
    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
    private static final OutboxMetrics METRICS = new OutboxMetrics(REGISTRY);

    @BeforeAll
    static void start() throws Exception {
        database = new PlatformTestDatabase("oms_platform");
        broker = KafkaBroker.shared();
        producer = newProducer(() -> { });
    }

    @AfterAll
    static void stop() {
        producer.close();
        database.close();
    }

    @Test
    void publishesEveryRowOnceInOrderPerOrderAndMarksItPublished() throws Exception {
        String topic = newTopic();
        List<OutboxRecord> first = events(topic, UUID.randomUUID(), 5, Lane.BULK);
        List<OutboxRecord> second = events(topic, UUID.randomUUID(), 5, Lane.BULK);
        insert(first);
        insert(second);

        publishAllShards(producer);

        List<ConsumerRecord<String, byte[]>> published = KafkaTestClient.shared().readAll(topic);
        assertEquals(idsOf(first), publishedIds(published, first.get(0).key()));
        assertEquals(idsOf(second), publishedIds(published, second.get(0).key()));
        assertEquals(0, pendingIn(topic));
        assertEquals(10, REGISTRY.get("oms.outbox.published").tag("topic", topic).counter().count());
        assertTrue(REGISTRY.get("oms.outbox.publish.lag").timer().count() >= 10);
    }

    @Test
    void interactiveRowsArePublishedBeforeOlderBulkRowsOfTheSameShard() throws Exception {
        String topic = newTopic();
        UUID bulkOrder = UUID.randomUUID();
        UUID interactiveOrder = UUID.randomUUID();
        insert(events(topic, bulkOrder, 3, Lane.BULK));
        insert(events(topic, interactiveOrder, 1, Lane.INTERACTIVE));

        // One shard covering every slot and a batch of one: the first row published is the one the relay put first.
        try (ShardRelay relay = new ShardRelay(database.dataSource, producer, 0, 1, 1, METRICS)) {
            assertTrue(relay.tryAcquire());
            assertEquals(1, relay.publishBatch());
        }
        assertEquals(3, pendingIn(topic));
        assertEquals(List.of(interactiveOrder.toString()), KafkaTestClient.shared().readAll(topic).stream()
                .map(ConsumerRecord::key).toList());
    }

    @Test
    void aRelayKilledBetweenSendAndMarkIsFollowedByOneThatResendsTheSameEventIds() throws Exception {
        String topic = newTopic();
        List<OutboxRecord> records = events(topic, UUID.randomUUID(), 4, Lane.BULK);
        insert(records);
        int shard = OutboxSlots.shardOf(records.get(0).slot(), 4);

        // Kafka acknowledges every record, then the relay dies before it can mark them.
        try (KafkaProducer<String, byte[]> dying = newProducer(() -> {
            throw new IllegalStateException("killed after send");
        }); ShardRelay relay = new ShardRelay(database.dataSource, dying, shard, 4, 500, METRICS)) {
            assertTrue(relay.tryAcquire());
            assertThrows(IllegalStateException.class, relay::publishBatch);
        }
        assertEquals(4, pendingIn(topic), "nothing was marked");

        try (ShardRelay successor = new ShardRelay(database.dataSource, producer, shard, 4, 500, METRICS)) {
            assertTrue(successor.tryAcquire());
            while (successor.publishBatch() > 0) {
                // drain the shard
            }
        }

        List<UUID> sent = publishedIds(KafkaTestClient.shared().readAll(topic), records.get(0).key());
        List<UUID> once = idsOf(records);
        List<UUID> twice = new ArrayList<>(once);
        twice.addAll(once);
        assertEquals(twice, sent, "the same event ids, in the same order, sent again after the crash");
        assertEquals(0, pendingIn(topic));
    }

    @Test
    void eachShardIsHeldByOneRelayAtATimeAndIsTakenOverWhenItsHolderGoesAway() throws Exception {
        try (ShardRelay holder = new ShardRelay(database.dataSource, producer, 2, 4, 10, METRICS);
             ShardRelay rival = new ShardRelay(database.dataSource, producer, 2, 4, 10, METRICS);
             ShardRelay neighbour = new ShardRelay(database.dataSource, producer, 3, 4, 10, METRICS)) {
            assertTrue(holder.tryAcquire());
            assertFalse(rival.tryAcquire(), "a second relay for the same shard must wait");
            assertThrows(IllegalStateException.class, rival::publishBatch);
            assertTrue(neighbour.tryAcquire(), "other shards are independent");

            holder.close();
            assertTrue(rival.tryAcquire(), "the shard is free once its holder is gone");
        }
    }

    @Test
    void everyShardCountGivesEveryShardSomeSlotsAndEverySlotOneShard() {
        for (int shards = 1; shards <= OutboxSlots.SLOTS; shards++) {
            int[] slotsPerShard = new int[shards];
            for (int slot = 0; slot < OutboxSlots.SLOTS; slot++) {
                slotsPerShard[OutboxSlots.shardOf(slot, shards)]++;
            }
            for (int shard = 0; shard < shards; shard++) {
                assertTrue(slotsPerShard[shard] > 0, "shard " + shard + " of " + shards + " has no slot");
            }
        }
    }

    private static void publishAllShards(KafkaProducer<String, byte[]> producer) throws Exception {
        for (int shard = 0; shard < 4; shard++) {
            try (ShardRelay relay = new ShardRelay(database.dataSource, producer, shard, 4, 500, METRICS)) {
                assertTrue(relay.tryAcquire());
                while (relay.publishBatch() > 0) {
                    // drain the shard
                }
            }
        }
    }

    private static String newTopic() {
        String topic = "platform-test." + UUID.randomUUID();
        broker.createTopics(List.of(new Topics.TopicSpec(topic, 3, -1)));
        return topic;
    }

    /** {@code count} events of one order, as the outbox would record them, routed to the test's own topic. */
    private static List<OutboxRecord> events(String topic, UUID orderId, int count, Lane lane) {
        List<OutboxRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EventEnvelope envelope = EventEnvelope.of(Uuids.timeOrdered(), "platform-test", Instant.now(),
                    new OrderCancelled(orderId, UUID.randomUUID(), new Money(100 + i, "USD"), "test " + i));
            OutboxRecord record = OutboxRecord.of(envelope, lane, null);
            records.add(new OutboxRecord(record.eventId(), record.slot(), record.priority(), topic, record.key(),
                    record.payload(), null));
        }
        return records;
    }

    private static void insert(List<OutboxRecord> records) throws SQLException {
        try (Connection connection = database.dataSource.getConnection()) {
            OutboxTable.insert(connection, records, Instant.now());
        }
    }

    private static long pendingIn(String topic) throws SQLException {
        try (Connection connection = database.dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM outbox WHERE topic = ? AND published_at IS NULL")) {
            count.setString(1, topic);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static List<UUID> idsOf(List<OutboxRecord> records) {
        return records.stream().map(OutboxRecord::eventId).toList();
    }

    private static List<UUID> publishedIds(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).map(r -> EventCodec.decode(r.value()).id()).toList();
    }

    private static KafkaProducer<String, byte[]> newProducer(Runnable afterFlush) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public void flush() {
                super.flush();
                afterFlush.run();
            }
        };
    }
}
