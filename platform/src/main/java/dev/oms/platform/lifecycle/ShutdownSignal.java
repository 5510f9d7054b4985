package dev.oms.platform.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Raised first thing on shutdown (SIGTERM), before consumers drain, the outbox relay flushes and the datasource
 * closes, so work loops stop at the next item instead of failing on closed resources, and retries stop retrying.
 */
@ApplicationScoped
public class ShutdownSignal {

    private volatile boolean stopping;

    public boolean stopping() {
        return stopping;
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }
}
