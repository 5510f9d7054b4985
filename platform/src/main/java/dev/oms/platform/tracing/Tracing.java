package dev.oms.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenTelemetry spans for the work our Kafka records cause. A record's {@code traceparent} header (written by the
 * outbox, or by import-service for a new order) is the parent of the span its consumer applies it in, and the
 * events that work stores in the outbox carry that span on: one order is one trace across every service.
 */
@ApplicationScoped
public class Tracing {

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
        }
    };

    private static final TextMapGetter<String> TRACEPARENT_STRING = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TraceContext.HEADER);
        }

        @Override
        public String get(String traceparent, String key) {
            return TraceContext.HEADER.equals(key) ? traceparent : null;
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.oms.platform");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Runs {@code work} in a consumer span that continues the trace of the record's {@code traceparent}. */
    public void consume(ConsumerRecord<String, byte[]> record, String consumer, Runnable work) {
        Context parent = propagator.extract(Context.root(), record.headers(), KAFKA_HEADERS);
        Span span = tracer.spanBuilder(record.topic() + " process " + consumer).setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.kafka.message.key", record.key() == null ? "" : record.key())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            // Without an OpenTelemetry SDK the span is a no-op: the record's own traceparent is then passed on as is.
            TraceContext.runWithin(TraceContext.of(record.headers()), work);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Runs {@code work} in a span continuing {@code traceparent}, a trace stored earlier: for work that arrives
     * outside the trace it belongs to, such as a payment gateway's answer. With no traceparent, the work runs as is.
     */
    public void continueTrace(String traceparent, String name, Runnable work) {
        if (!TraceContext.valid(traceparent)) {
            work.run();
            return;
        }
        Context parent = propagator.extract(Context.root(), traceparent, TRACEPARENT_STRING);
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.INTERNAL).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            TraceContext.runWithin(traceparent, work);
        } finally {
            span.end();
        }
    }

    /** Starts the trace of something that begins here (an imported order) and returns its {@code traceparent}. */
    public String newTrace(String name) {
        Span span = tracer.spanBuilder(name).setNoParent().setSpanKind(SpanKind.PRODUCER).startSpan();
        try {
            return TraceContext.format(span.getSpanContext()).orElseGet(TraceContext::random);
        } finally {
            span.end();
        }
    }
}
