package dev.oms.analytics;

import dev.oms.analytics.service.AppliedOffsets;
import dev.oms.events.EventEnvelope;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waits until the service has consumed records, judged by the progress it stores in Redis with every record. */
public final class Consumption {

    public static final String GROUP = "analytics-service";
    /** Generous: it only catches a hang, it never times the work (the first records wait for the group to form). */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Consumption() {
    }

    /** Publishes the events and waits until the service has applied every one of them. */
    public static void publishAndAwait(AppliedOffsets appliedOffsets, List<EventEnvelope> events) {
        List<RecordMetadata> published = new ArrayList<>();
        events.forEach(event -> published.add(OrderEventsFixture.publish(event)));
        awaitApplied(appliedOffsets, published);
    }

    public static void awaitApplied(AppliedOffsets appliedOffsets, Collection<RecordMetadata> records) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (RecordMetadata record : records) {
                Map<Integer, Long> applied = appliedOffsets.of(GROUP, record.topic());
                Long offset = applied.get(record.partition());
                assertTrue(offset != null && offset >= record.offset(),
                        "record " + record + " not consumed yet; applied offsets " + applied);
            }
        });
    }
}
