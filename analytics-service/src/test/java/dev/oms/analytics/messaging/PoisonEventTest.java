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
import dev.oms.infra.testing.KafkaTestClient;
import dev.oms.infra.OmsTestInfra;
import dev.oms.platform.messaging.DeadLetterQueue;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.analytics.OrderEventsFixture.completed;
import static dev.oms.analytics.OrderEventsFixture.envelope;
import static dev.oms.analytics.OrderEventsFixture.newCustomer;
import static dev.oms.analytics.OrderEventsFixture.noonOf;
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
        RecordMetadata poison = OrderEventsFixture.publish(euros);
        // Same key, so the same partition: consuming `next` proves the poison record did not block it.
        RecordMetadata next = OrderEventsFixture.publish(null, euros.key(), EventCodec.encode(dollars));
        Consumption.awaitApplied(appliedOffsets, List.of(next));

        asStaff().queryParam("date", day.toString()).when().get("/kpis/daily")
                .then().statusCode(200)
                .body("ordersCompleted", equalTo(1))
                .body("grossRevenueMinor", equalTo(700));
        awaitDeadLettered(poison);
    }

    @Test
    void aPoisonRecordAmidABurstCostsNoOtherRecordItsCount() {
        // Thirty records back to back in one partition arrive in one or a few polls: the batch holding the poison
        // one is applied record by record instead, and every other record counts exactly once.
        LocalDate day = OrderEventsFixture.uniqueDay();
        CustomerRef bea = newCustomer("Bea");
        String key = UUID.randomUUID().toString();
        List<RecordMetadata> counted = new ArrayList<>();
        RecordMetadata poison = null;
        long expectedGross = 0;
        for (int i = 0; i < 30; i++) {
            if (i == 15) {
                poison = OrderEventsFixture.publish(null, key, EventCodec.encode(envelope(noonOf(day),
                        new OrderCompleted(UUID.randomUUID(), bea, new Money(900, "EUR"), UUID.randomUUID(), noonOf(day)))));
            } else {
                counted.add(OrderEventsFixture.publish(null, key, EventCodec.encode(completed(bea, 100 + i, noonOf(day)))));
                expectedGross += 100 + i;
            }
        }
        Consumption.awaitApplied(appliedOffsets, counted);

        asStaff().queryParam("date", day.toString()).when().get("/kpis/daily")
                .then().statusCode(200)
                .body("ordersCompleted", equalTo(29))
                .body("grossRevenueMinor", equalTo((int) expectedGross));
        awaitDeadLettered(poison);
    }

    @Test
    void aDeadLetteredRecordLastInItsPartitionStillAdvancesTheStoredProgress() {
        // Unreadable bytes: the rebalancer must resume after them after a restart, not dead-letter them again.
        RecordMetadata poison = OrderEventsFixture.publish(null, UUID.randomUUID().toString(),
                "not an event".getBytes(StandardCharsets.UTF_8));

        Consumption.awaitApplied(appliedOffsets, List.of(poison));
        awaitDeadLettered(poison);
    }

    private static void awaitDeadLettered(RecordMetadata poison) {
        await().atMost(Consumption.PATIENCE).untilAsserted(() -> assertTrue(
                KafkaTestClient.shared().readAll(Topics.dlq(Topics.ORDER_EVENTS)).stream()
                        .anyMatch(record -> isOriginOf(record, poison)),
                "no dead letter from " + poison));
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
