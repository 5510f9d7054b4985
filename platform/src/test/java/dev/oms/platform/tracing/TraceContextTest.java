package dev.oms.platform.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceContextTest {

    @Test
    void aSpanContextIsWrittenAsAW3CTraceparent() {
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());

        assertEquals(Optional.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), TraceContext.format(span));
        assertEquals(Optional.empty(), TraceContext.format(SpanContext.getInvalid()));
    }

    @Test
    void aRandomTraceIsValidAndNew() {
        String first = TraceContext.random();
        assertTrue(TraceContext.valid(first), first);
        assertNotEquals(first.split("-")[1], TraceContext.random().split("-")[1]);
    }

    @Test
    void withoutASpanTheTraceOfTheRecordBeingAppliedIsPassedOn() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        assertEquals(Optional.of(traceparent), TraceContext.callWithin(traceparent, TraceContext::current));
        assertEquals(Optional.empty(), TraceContext.callWithin("not-a-traceparent", TraceContext::current));
        assertEquals(Optional.empty(), TraceContext.current());
    }
}
