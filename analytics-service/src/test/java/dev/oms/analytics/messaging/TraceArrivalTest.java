package dev.oms.analytics.messaging;

import dev.oms.analytics.OrderEventsFixture;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Topics;
import dev.oms.infra.OmsTestInfra;
import dev.oms.infra.testing.KafkaTestClient;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.oms.analytics.OrderEventsFixture.completed;
import static dev.oms.analytics.OrderEventsFixture.newCustomer;
import static dev.oms.analytics.OrderEventsFixture.noonOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The last hop of an order's trace: the traceparent order-service's outbox puts on OrderCompleted arrives here,
 * and analytics takes the event in a span of that same trace, a child of the span that sent it. (The Redis write that
 * applies it is one script call for the poll's records, so it belongs to no single record's trace.)
 */
@QuarkusTest
@TestProfile(TraceArrivalTest.EverySpanSampled.class)
@WithTestResource(value = OmsTestInfra.class, initArgs = @ResourceArg(name = "redis", value = "true"))
class TraceArrivalTest {

    public static class EverySpanSampled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.traces.sampler.arg", "1.0", "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    @Singleton
    static class CollectedSpans {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void anOrderEventIsAppliedInASpanOfTheTraceItArrivedWith() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String senderSpan = "00f067aa0ba902b7";
        EventEnvelope event = completed(newCustomer("Tia"), 1200, noonOf(OrderEventsFixture.uniqueDay()));

        KafkaTestClient.shared().publish(event, Map.of("traceparent", "00-" + traceId + "-" + senderSpan + "-01"));

        SpanData applied = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CONSUMER)
                .findFirst().orElse(null), span -> span != null);
        assertEquals(senderSpan, applied.getParentSpanId());
        assertEquals(Topics.ORDER_EVENTS, applied.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")));
    }
}
