package dev.oms.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} of the work the current thread is doing, read by the outbox so the events it causes
 * carry the same trace: the current OpenTelemetry span (an HTTP request, or a record applied in
 * {@link Tracing#consume}), else the traceparent of the Kafka record being applied, passed on as is.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    // version-traceid-parentid-flags (W3C Trace Context); anything else is dropped, never stored.
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TraceContext() {
    }

    public static Optional<String> current() {
        return format(Span.current().getSpanContext()).or(() -> Optional.ofNullable(CURRENT.get()));
    }

    /** The span context as a {@code traceparent}; empty for an invalid one (no span, or no SDK). */
    public static Optional<String> format(SpanContext span) {
        if (!span.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
    }

    /** A new trace, not sampled, for when no OpenTelemetry SDK makes one: ids still tie an order's events together. */
    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("00-%016x%016x-%016x-00", random.nextLong(), random.nextLong() | 1, random.nextLong() | 1);
    }

    /** Runs {@code work} with {@code traceparent} as the current trace (when it is valid), then restores the previous. */
    public static <T> T callWithin(String traceparent, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(valid(traceparent) ? traceparent : null);
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    public static void runWithin(String traceparent, Runnable work) {
        callWithin(traceparent, () -> {
            work.run();
            return null;
        });
    }

    public static String of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    public static boolean valid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches();
    }
}
