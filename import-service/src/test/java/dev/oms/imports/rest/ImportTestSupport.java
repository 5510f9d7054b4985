package dev.oms.imports.rest;

import dev.oms.events.EventCodec;
import dev.oms.events.OrderRequested;
import dev.oms.events.Topics;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Submitting imports, waiting for them, and reading what they published, for the import-service tests. */
public final class ImportTestSupport implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    public static final String HEADER = "order_id,customer_email,customer_name,sku,product_name,quantity,unit_price,currency,ordered_at\n";
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private final KafkaCompanion kafka =
            new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Override
    public void close() {
        kafka.close();
    }

    public static UUID submitMultipart(String csv) {
        return UUID.fromString(asStaff().multiPart("file", "orders.csv", bytes(csv), "text/csv")
                .when().post("/imports")
                .then().statusCode(202)
                .extract().path("importId"));
    }

    public static JsonPath awaitFinished(UUID jobId) {
        return await().atMost(PATIENCE).until(
                () -> asStaff().when().get("/imports/{id}", jobId).then().statusCode(200).extract().jsonPath(),
                job -> ENDED.contains(job.getString("status")));
    }

    /** Waits until the bulk topic has a record for each of these external order ids; returns them by id. */
    public Map<String, ConsumerRecord<String, byte[]>> awaitRecords(Set<String> externalOrderIds) {
        Map<String, List<ConsumerRecord<String, byte[]>>> found = await().atMost(PATIENCE)
                .until(() -> recordsFor(externalOrderIds), records -> records.keySet().equals(externalOrderIds));
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            assertEquals(1, e.getValue().size(), "records of order " + e.getKey());
            return e.getValue().get(0);
        }));
    }

    /** Every record now on the bulk topic (read up to its current end) for these external order ids. */
    public Map<String, List<ConsumerRecord<String, byte[]>>> recordsFor(Set<String> externalOrderIds) {
        String topic = Topics.ORDER_REQUESTS_BULK;
        List<TopicPartition> partitions = kafka.topics().describe(topic).get(topic).partitions().stream()
                .map(p -> KafkaCompanion.tp(topic, p.partition())).toList();
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        long count = partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
        if (count == 0) {
            return Map.of();
        }
        try (ConsumerTask<String, byte[]> task = kafka.consume(String.class, byte[].class).fromOffsets(start, count)) {
            return task.awaitCompletion(PATIENCE).getRecords().stream()
                    .filter(r -> externalOrderIds.contains(externalId(r)))
                    .collect(Collectors.groupingBy(ImportTestSupport::externalId));
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        return kafka.offsets().list(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static String externalId(ConsumerRecord<String, byte[]> record) {
        return ((OrderRequested) EventCodec.decode(record.value()).data()).externalOrderId();
    }

    public static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(String csv) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(csv)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
