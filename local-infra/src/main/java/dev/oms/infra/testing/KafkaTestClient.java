package dev.oms.infra.testing;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.OmsEvent;
import dev.oms.events.Topics;
import dev.oms.infra.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * What tests do with Kafka: publish real OMS records (CloudEvents bytes, as the services do) and read back the
 * events the services published.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static KafkaTestClient shared;

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** One client per class loader for the test JVM's shared broker ({@link KafkaBroker#shared()}), closed at exit. */
    public static synchronized KafkaTestClient shared() {
        if (shared == null) {
            KafkaTestClient client = new KafkaTestClient(KafkaBroker.shared().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(client::close, "kafka-test-client-close"));
            shared = client;
        }
        return shared;
    }

    /** Wraps the event in a new envelope (fresh event id) and publishes it to its topic. */
    public EventEnvelope publish(String source, OmsEvent event) {
        EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID(), source, Instant.now(), event);
        publish(envelope);
        return envelope;
    }

    public RecordMetadata publish(EventEnvelope envelope) {
        return publishRaw(Topics.topicFor(envelope.data()), envelope.key(), EventCodec.encode(envelope));
    }

    /** Publishes exactly these bytes, e.g. a redelivery of a consumed record or a poison record. */
    public RecordMetadata publishRaw(String topic, String key, byte[] value) {
        return publishRaw(topic, null, key, value);
    }

    /** Publishes exactly these bytes to {@code partition}, or to the key's partition when it is null. */
    public RecordMetadata publishRaw(String topic, Integer partition, String key, byte[] value) {
        return send(new ProducerRecord<>(topic, partition, key, value));
    }

    /** Publishes the event in its own envelope with these record headers (e.g. a W3C {@code traceparent}). */
    public RecordMetadata publish(EventEnvelope envelope, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.topicFor(envelope.data()), envelope.key(),
                EventCodec.encode(envelope));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return send(record);
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        String topic = record.topic();
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        }
    }

    /** Waits for the first event of {@code type} on {@code topic} that matches, reading the topic from the start. */
    public <T extends OmsEvent> EventEnvelope await(String topic, Class<T> type, Predicate<T> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = consumerFromStart(topic)) {
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope envelope = EventCodec.decode(record.value());
                    if (type.isInstance(envelope.data()) && match.test(type.cast(envelope.data()))) {
                        return envelope;
                    }
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " matching on " + topic + " within " + timeout);
    }

    /** Every record on the topic right now (up to the end offsets at the time of the call). */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumerFromStart(topic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            Instant deadline = Instant.now().plusSeconds(30);
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Every decodable OMS event on the topic right now. */
    public List<EventEnvelope> events(String topic) {
        return readAll(topic).stream().map(r -> EventCodec.decode(r.value())).toList();
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, byte[]> consumerFromStart(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
