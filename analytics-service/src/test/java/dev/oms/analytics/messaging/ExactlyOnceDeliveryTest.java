package dev.oms.analytics.messaging;

import dev.oms.analytics.Consumption;
import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.service.AppliedOffsets;
import dev.oms.analytics.service.Generations;
import dev.oms.events.CustomerRef;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.events.OrderCancelled;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static dev.oms.analytics.OrderEventsFixture.completed;
import static dev.oms.analytics.OrderEventsFixture.envelope;
import static dev.oms.analytics.OrderEventsFixture.newCustomer;
import static dev.oms.analytics.OrderEventsFixture.noonOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class ExactlyOnceDeliveryTest {

    @Inject
    AppliedOffsets appliedOffsets;
    @Inject
    Generations generations;
    @Inject
    RedisDataSource redis;


    @Test
    void republishedRecordsChangeNothing() {
        LocalDate day = OrderEventsFixture.uniqueDay();
        CustomerRef ann = newCustomer("Ann");
        List<EventEnvelope> originals = List.of(
                completed(ann, 1500, noonOf(day)),
                completed(ann, 2500, noonOf(day)),
                envelope(noonOf(day), new OrderCancelled(UUID.randomUUID(), ann.customerId(), new Money(99, "USD"), null)));
        List<RecordMetadata> first = new ArrayList<>();
        originals.forEach(event -> first.add(OrderEventsFixture.publish(event)));
        Consumption.awaitApplied(appliedOffsets, first);
        assertKpis(day, 2, 1, 4000);

        // The same bytes again (an outbox relay re-publishing after a crash): new offsets, same event ids.
        List<RecordMetadata> copies = new ArrayList<>();
        originals.forEach(event -> copies.add(OrderEventsFixture.publish(null, event.key(), EventCodec.encode(event))));
        Consumption.awaitApplied(appliedOffsets, copies);

        assertKpis(day, 2, 1, 4000);
        asStaff().queryParam("date", day.toString()).when().get("/leaderboard")
                .then().statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].netSpendMinor", equalTo(4000));
    }

    @Test
    void aRecordAtAnAlreadyAppliedOffsetIsSkipped() throws Exception {
        LocalDate day = OrderEventsFixture.uniqueDay();
        CustomerRef bob = newCustomer("Bob");
        int partition = 0;
        long next = endOffset(partition);
        awaitConsumedUpTo(partition, next - 1);
        // Pretend the record about to be written at `next` was applied already (as after a crash between the
        // Redis write and the Kafka commit): the service must skip it however it is delivered.
        redis.hash(String.class).hset(generations.currentKeys().offsets(Consumption.GROUP, Topics.ORDER_EVENTS),
                Integer.toString(partition), Long.toString(next));

        EventEnvelope skipped = completed(bob, 700, noonOf(day));
        EventEnvelope applied = completed(bob, 300, noonOf(day));
        RecordMetadata skippedAt = OrderEventsFixture.publish(partition, skipped.key(), EventCodec.encode(skipped));
        RecordMetadata appliedAt = OrderEventsFixture.publish(partition, applied.key(), EventCodec.encode(applied));
        assertEquals(next, skippedAt.offset());
        Consumption.awaitApplied(appliedOffsets, List.of(appliedAt));

        assertKpis(day, 1, 0, 300);
    }

    private void assertKpis(LocalDate day, int completed, int cancelled, int gross) {
        asStaff().queryParam("date", day.toString())
                .when().get("/kpis/daily")
                .then().statusCode(200)
                .body("ordersCompleted", equalTo(completed))
                .body("ordersCancelled", equalTo(cancelled))
                .body("grossRevenueMinor", equalTo(gross));
    }

    private void awaitConsumedUpTo(int partition, long offset) {
        if (offset < 0) {
            return;
        }
        await().atMost(Consumption.PATIENCE).untilAsserted(() -> {
            Long applied = appliedOffsets.of(Consumption.GROUP, Topics.ORDER_EVENTS).get(partition);
            assertTrue(applied != null && applied >= offset, "partition " + partition + " applied up to " + applied);
        });
    }

    private static long endOffset(int partition) throws Exception {
        TopicPartition topicPartition = new TopicPartition(Topics.ORDER_EVENTS, partition);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listOffsets(Map.of(topicPartition, OffsetSpec.latest())).partitionResult(topicPartition)
                    .get().offset();
        }
    }
}
