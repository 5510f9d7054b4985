package dev.oms.platform.tracing;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} of the work the current thread is doing: set from the Kafka record or HTTP request
 * that started it, read by the outbox so the events it causes carry the same trace.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    // version-traceid-parentid-flags (W3C Trace Context); anything else is dropped, never stored.
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TraceContext() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
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

    static boolean valid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches();
    }
}
