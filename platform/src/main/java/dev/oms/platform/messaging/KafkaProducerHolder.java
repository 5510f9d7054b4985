package dev.oms.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;

/**
 * The service's one Kafka producer: idempotent, acks from all in-sync replicas, so a send that succeeded is
 * durable and retries never reorder or duplicate records within a partition.
 */
@ApplicationScoped
public class KafkaProducerHolder {

    private final Producer<String, byte[]> producer;

    public KafkaProducerHolder(KafkaClientSettings kafka,
                               @ConfigProperty(name = "quarkus.application.name") String clientId) {
        this.producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                // JSON events shrink several times: the broker, the disks and the network carry a fraction of it.
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "snappy")),
                new StringSerializer(), new ByteArraySerializer());
    }

    public Producer<String, byte[]> producer() {
        return producer;
    }

    // Runs after the outbox relay stopped (higher priority value = later), so its last batch can still flush.
    void close(@Observes @Priority(5000) ShutdownEvent event) {
        producer.close(Duration.ofSeconds(10));
    }
}
