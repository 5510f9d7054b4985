package dev.oms.analytics.messaging;

import dev.oms.analytics.Consumption;
import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.service.AppliedOffsets;
import dev.oms.events.CustomerRef;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.events.OrderCompleted;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import dev.oms.platform.messaging.DeadLetterQueue;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.analytics.OrderEventsFixture.completed;
import static dev.oms.analytics.OrderEventsFixture.envelope;
import static dev.oms.analytics.OrderEventsFixture.newCustomer;
import static dev.oms.analytics.OrderEventsFixture.noonOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class PoisonEventTest {

    @Inject
    AppliedOffsets appliedOffsets;

    @Test
    void anOrderInAForeignCurrencyIsDeadLetteredAndTheNextRecordStillCounts() {
        LocalDate day = OrderEventsFixture.uniqueDay();
        CustomerRef ann = newCustomer("Ann");
        EventEnvelope euros = envelope(noonOf(day), new OrderCompleted(UUID.randomUUID(), ann,
                new Money(5000, "EUR"), UUID.randomUUID(), noonOf(day)));
        EventEnvelope dollars = completed(ann, 700, noonOf(day));
        RecordMetadata poison;
        RecordMetadata next;
        try (OrderEventsFixture events = new OrderEventsFixture()) {
            poison = events.publish(euros);
            // Same key, so the same partition: consuming `next` proves the poison record did not block it.
            next = events.publish(null, euros.key(), EventCodec.encode(dollars));
        }
        Consumption.awaitApplied(appliedOffsets, List.of(next));

        given().queryParam("date", day.toString()).when().get("/kpis/daily")
                .then().statusCode(200)
                .body("ordersCompleted", equalTo(1))
                .body("grossRevenueMinor", equalTo(700));
        awaitDeadLettered(poison);
    }

    private static void awaitDeadLettered(RecordMetadata poison) {
        TopicPartition dlq = new TopicPartition(Topics.dlq(Topics.ORDER_EVENTS), 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(dlq));
            consumer.seekToBeginning(List.of(dlq));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            // The consumer is not thread-safe: poll it on this thread.
            await().atMost(Consumption.PATIENCE).pollInSameThread().untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                assertTrue(seen.stream().anyMatch(record -> isOriginOf(record, poison)),
                        "no dead letter from " + poison + " among " + seen.size() + " records");
            });
        }
    }

    private static boolean isOriginOf(ConsumerRecord<String, byte[]> deadLetter, RecordMetadata poison) {
        return Topics.ORDER_EVENTS.equals(header(deadLetter, DeadLetterQueue.ORIGINAL_TOPIC))
                && Integer.toString(poison.partition()).equals(header(deadLetter, DeadLetterQueue.ORIGINAL_PARTITION))
                && Long.toString(poison.offset()).equals(header(deadLetter, DeadLetterQueue.ORIGINAL_OFFSET));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
