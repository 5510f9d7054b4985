package dev.oms.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads dead-letter topics without joining a consumer group (nothing is committed, nothing is taken away from
 * anyone): the newest records of a topic, or one record by its position.
 */
public class DeadLetterBrowser {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClientSettings kafka;

    public DeadLetterBrowser(KafkaClientSettings kafka) {
        this.kafka = kafka;
    }

    /** Up to {@code limit} of the newest records of {@code dlqTopic} that match, newest first. */
    public List<DeadLetter> newest(String dlqTopic, Predicate<DeadLetter> match, int limit) {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, dlqTopic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            // Reads at most the last `window` records of each partition: enough for an admin page, bounded in time.
            long window = Math.max(limit, 1) * 20L;
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(start.get(partition), end.get(partition) - window));
            }
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!reached(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    DeadLetter letter = toDeadLetter(record);
                    if (match.test(letter)) {
                        found.add(letter);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(DeadLetter::failedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(DeadLetter::offset, Comparator.reverseOrder()));
        return found.subList(0, Math.min(limit, found.size()));
    }

    /** The record at {@code offset}, with its raw value, or empty when there is none. */
    public Optional<ConsumerRecord<String, byte[]>> at(String dlqTopic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition position = new TopicPartition(dlqTopic, partition);
            if (partitionsOf(consumer, dlqTopic).stream().noneMatch(position::equals)) {
                return Optional.empty();
            }
            consumer.assign(List.of(position));
            long end = consumer.endOffsets(List.of(position)).get(position);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(position, offset);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    public static DeadLetter toDeadLetter(ConsumerRecord<String, byte[]> record) {
        String failedAt = header(record, DeadLetterQueue.FAILED_AT);
        String originalPartition = header(record, DeadLetterQueue.ORIGINAL_PARTITION);
        String originalOffset = header(record, DeadLetterQueue.ORIGINAL_OFFSET);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                header(record, DeadLetterQueue.ORIGINAL_TOPIC),
                originalPartition == null ? null : Integer.valueOf(originalPartition),
                originalOffset == null ? null : Long.valueOf(originalOffset),
                header(record, DeadLetterQueue.SERVICE), header(record, DeadLetterQueue.CONSUMER),
                header(record, DeadLetterQueue.REASON),
                failedAt == null ? null : Instant.parse(failedAt),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
