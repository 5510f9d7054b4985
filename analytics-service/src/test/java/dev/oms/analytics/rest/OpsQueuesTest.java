package dev.oms.analytics.rest;

import dev.oms.analytics.Consumption;
import dev.oms.analytics.OrderEventsFixture;
import dev.oms.analytics.service.AppliedOffsets;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static dev.oms.infra.testing.TestAuth.asStaff;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /ops/queues}: the broker's view of consumer lag and dead-letter queues. */
@QuarkusTest
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class OpsQueuesTest {

    @Inject
    AppliedOffsets appliedOffsets;

    @Test
    void anUnreadableRecordShowsInItsDeadLetterQueueAndTheGroupCatchesUp() {
        long before = deadLetters(queues(), Topics.dlq(Topics.ORDER_EVENTS));
        String key = UUID.randomUUID().toString();
        OrderEventsFixture.publish(null, key, "not an event".getBytes(StandardCharsets.UTF_8));
        // A good record after it on the same partition: once it is applied, the garbage has been dead-lettered.
        EventEnvelope next = OrderEventsFixture.completed(OrderEventsFixture.newCustomer("Flo"), 100,
                OrderEventsFixture.noonOf(OrderEventsFixture.uniqueDay()));
        RecordMetadata after = OrderEventsFixture.publish(null, key, EventCodec.encode(next));
        Consumption.awaitApplied(appliedOffsets, List.of(after));

        await().atMost(Consumption.PATIENCE).untilAsserted(() -> {
            JsonPath queues = queues();
            assertEquals(before + 1, deadLetters(queues, Topics.dlq(Topics.ORDER_EVENTS)));
            // Committed a moment after Redis recorded the record: the group's lag on the topic drains to zero.
            assertEquals(0L, queues.<Long>getObject("consumerGroups.find { it.group == 'analytics-service' && it.topic == '"
                    + Topics.ORDER_EVENTS + "' }.lag", Long.class), queues.prettify());
        });
        assertEquals(0L, deadLetters(queues(), Topics.dlq(Topics.REFUND_EVENTS)));
    }

    private static JsonPath queues() {
        return asStaff().when().get("/ops/queues").then().statusCode(200).extract().jsonPath();
    }

    private static long deadLetters(JsonPath queues, String topic) {
        Long records = queues.getObject("deadLetters.find { it.topic == '" + topic + "' }.records", Long.class);
        return records == null ? 0 : records;
    }
}
