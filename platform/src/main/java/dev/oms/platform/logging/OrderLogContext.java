package dev.oms.platform.logging;

import org.jboss.logging.MDC;

/**
 * Puts the order a piece of work is about into the log context (MDC key {@value #KEY}), so every line logged
 * meanwhile, by our code or a library, carries it; platform's log format prints it.
 */
public final class OrderLogContext {

    public static final String KEY = "orderId";

    private OrderLogContext() {
    }

    public static void run(Object orderId, Runnable work) {
        Object previous = MDC.get(KEY);
        if (orderId == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, orderId.toString());
        }
        try {
            work.run();
        } finally {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }
}
