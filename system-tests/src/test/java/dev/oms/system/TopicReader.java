package dev.oms.system;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads topics whole as they are at the moment of the call (from the beginning to the end offsets of then): every
 * record decoded with {@link EventCodec}, or the trace each record carries. Re-published records stay in: they are
 * what the test counts.
 */
final class TopicReader {

    private TopicReader() {
    }

    static List<EventEnvelope> readAll(String bootstrapServers, List<String> topics) {
        return read(bootstrapServers, topics, record -> EventCodec.decode(record.value()));
    }

    /** The trace ids the records of each key (order) carry in their {@code traceparent} ("none" for a record without). */
    static Map<String, Set<String>> traceIdsByKey(String bootstrapServers, List<String> topics) {
        Map<String, Set<String>> traces = new HashMap<>();
        for (Map.Entry<String, String> keyAndTrace : read(bootstrapServers, topics, TopicReader::keyAndTraceId)) {
            traces.computeIfAbsent(keyAndTrace.getKey(), key -> new HashSet<>()).add(keyAndTrace.getValue());
        }
        return traces;
    }

    private static Map.Entry<String, String> keyAndTraceId(ConsumerRecord<String, byte[]> record) {
        Header traceparent = record.headers().lastHeader("traceparent");
        String traceId = traceparent == null ? "none" : new String(traceparent.value(), StandardCharsets.US_ASCII).split("-")[1];
        return Map.entry(record.key(), traceId);
    }

    private static <T> List<T> read(String bootstrapServers, List<String> topics, Function<ConsumerRecord<String, byte[]>, T> reader) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topics);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<T> read = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topics + " to their end offsets " + end + " in 2 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        read.add(reader.apply(record));
                    }
                }
            }
            return read;
        }
    }

    /** How many records the topics hold, without reading them (dead-letter records need not be events). */
    static long count(String bootstrapServers, List<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topics);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - beginning.get(end.getKey())).sum();
        }
    }

    /** Whether consumer group {@code group} has committed every record the topic holds. */
    static boolean consumedToEnd(String bootstrapServers, String group, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer, List.of(topic));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            return consumer.endOffsets(partitions).entrySet().stream().allMatch(end -> end.getValue() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }
}
