package dev.oms.imports.messaging;

import dev.oms.imports.config.ImportConfig;
import dev.oms.platform.config.ServiceIdentity;
import dev.oms.platform.messaging.KafkaProducerHolder;
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

    public OrderRequestPublisher(KafkaProducerHolder producers, ServiceIdentity service, ImportConfig config) {
        this.producers = producers;
        this.service = service;
        this.config = config;
    }

    /** A session for one import; use it from one thread. */
    public PublishSession open() {
        return new PublishSession(producers.producer(), service.name(), config.maxInFlight());
    }
}
