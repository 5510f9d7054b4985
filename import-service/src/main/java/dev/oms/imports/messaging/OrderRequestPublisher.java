package dev.oms.imports.messaging;

import dev.oms.imports.config.ImportConfig;
import dev.oms.platform.config.ServiceIdentity;
import dev.oms.platform.messaging.KafkaProducerHolder;
import dev.oms.platform.tracing.Tracing;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes imported orders straight to Kafka. The import service writes no per-order state, so it needs no
 * outbox: its event ids are deterministic, and a re-sent record carries the id of the first send.
 */
@ApplicationScoped
public class OrderRequestPublisher {

    private final KafkaProducerHolder producers;
    private final ServiceIdentity service;
    private final ImportConfig config;
    private final Tracing tracing;

    public OrderRequestPublisher(KafkaProducerHolder producers, ServiceIdentity service, ImportConfig config,
                                 Tracing tracing) {
        this.producers = producers;
        this.service = service;
        this.config = config;
        this.tracing = tracing;
    }

    /**
     * A session for one run of an import, which skips the first {@code resumeAfter} valid orders (acknowledged in
     * an earlier run); use it from one thread. Each order it publishes starts a trace of its own.
     */
    public PublishSession open(long resumeAfter) {
        return new PublishSession(producers.producer(), service.name(), config.maxInFlight(), resumeAfter,
                () -> tracing.newTrace("import order"));
    }
}
