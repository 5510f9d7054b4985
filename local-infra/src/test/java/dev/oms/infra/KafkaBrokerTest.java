package dev.oms.infra;

import dev.oms.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaBrokerTest {

    @Test
    void startsCreatesTopicsProducesAndConsumes() throws Exception {
        Path dataDir;
        try (KafkaBroker broker = KafkaBroker.start(null, 0, 0)) {
            dataDir = broker.dataDir();
            assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"));
            broker.createTopics(Topics.all());
            broker.createTopics(Topics.all()); // idempotent

            try (Admin admin = broker.admin()) {
                assertTrue(admin.listTopics().names().get().containsAll(
                        Topics.all().stream().map(Topics.TopicSpec::name).toList()));
                assertEquals(6, admin.describeTopics(List.of(Topics.ORDER_EVENTS)).allTopicNames().get()
                        .get(Topics.ORDER_EVENTS).partitions().size());
                assertEquals("-1", retentionMs(admin, Topics.ORDER_EVENTS));
                assertEquals("-1", retentionMs(admin, Topics.REFUND_EVENTS));
                assertEquals(Long.toString(7L * 24 * 3600 * 1000), retentionMs(admin, Topics.PAYMENT_EVENTS));
                assertEquals(1, admin.describeTopics(List.of(Topics.dlq(Topics.ORDER_EVENTS))).allTopicNames().get()
                        .get(Topics.dlq(Topics.ORDER_EVENTS)).partitions().size());
            }

            String key = UUID.randomUUID().toString();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                RecordMetadata md = producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, key, "{\"hello\":1}"))
                        .get(30, TimeUnit.SECONDS);
                assertTrue(md.offset() >= 0);
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "local-infra-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.ORDER_EVENTS));
                List<ConsumerRecord<String, String>> received = new ArrayList<>();
                long deadline = System.currentTimeMillis() + 30_000;
                while (received.isEmpty() && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                }
                assertEquals(1, received.size());
                assertEquals(key, received.get(0).key());
                assertEquals("{\"hello\":1}", received.get(0).value());
            }
        }
        assertFalse(Files.exists(dataDir), "temporary data dir deleted on close");
    }

    @Test
    void existingTopicsAreUpdatedNotRecreatedAndAbandonedTempDirsAreDeleted() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path abandoned = Files.createTempDirectory("oms-kafka-");
        Files.writeString(abandoned.resolve("owner.pid"), Long.toString(dead.pid()));
        Path alive = Files.createTempDirectory("oms-kafka-");
        Files.writeString(alive.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
        try (KafkaBroker broker = KafkaBroker.start(null, 0, 0)) {
            assertFalse(Files.exists(abandoned), "temp dir of a dead JVM deleted");
            assertTrue(Files.exists(alive), "temp dir of a live JVM kept");
            KafkaBroker.deleteRecursively(alive);
            broker.createTopics(List.of(new Topics.TopicSpec("t.grow", 2, 1000)));
            broker.createTopics(List.of(new Topics.TopicSpec("t.grow", 4, -1)));
            try (Admin admin = broker.admin()) {
                assertEquals(4, admin.describeTopics(List.of("t.grow")).allTopicNames().get()
                        .get("t.grow").partitions().size());
                assertEquals("-1", retentionMs(admin, "t.grow"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void keepsDataAcrossRestartsOfAPersistentDir(@TempDir Path dir) throws Exception {
        int controllerPort;
        try (KafkaBroker broker = KafkaBroker.start(dir, 0, 0)) {
            controllerPort = broker.controllerPort();
            broker.createTopics(List.of(new Topics.TopicSpec("t.kept", 3, -1)));
        }
        assertTrue(Files.exists(dir.resolve("kraft-logs/meta.properties")), "persistent dir kept");
        try (KafkaBroker broker = KafkaBroker.start(dir, 0, 0); Admin admin = broker.admin()) {
            assertEquals(controllerPort, broker.controllerPort(), "reuses the controller port it was formatted with");
            Set<String> names = admin.listTopics().names().get();
            assertTrue(names.contains("t.kept"), names.toString());
        }
    }

    @Test
    void sharedBrokerIsOnePerJvmWithAllTopics() throws Exception {
        KafkaBroker shared = KafkaBroker.shared();
        assertSame(shared, KafkaBroker.shared());
        assertNotNull(System.getProperty(KafkaBroker.SHARED_BOOTSTRAP_PROPERTY));
        shared.close(); // no-op: the shutdown hook stops it
        try (Admin admin = shared.admin()) {
            assertTrue(admin.listTopics().names().get().contains(Topics.ORDER_REQUESTS_INTERACTIVE));
        }
    }

    private static String retentionMs(Admin admin, String topic) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(r)).all().get().get(r);
        return config.get("retention.ms").value();
    }
}
