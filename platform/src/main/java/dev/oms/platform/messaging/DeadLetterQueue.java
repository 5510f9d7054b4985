package dev.oms.platform.messaging;

import dev.oms.events.Topics;
import dev.oms.platform.config.ServiceIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

/** Sends poison records to {@code <topic>.dlq}, unchanged, with headers saying where they came from and why. */
@ApplicationScoped
public class DeadLetterQueue {

    public static final String ORIGINAL_TOPIC = "oms-dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "oms-dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "oms-dlq-original-offset";
    public static final String REASON = "oms-dlq-reason";
    public static final String CONSUMER = "oms-dlq-consumer";
    public static final String SERVICE = "oms-dlq-service";
    public static final String FAILED_AT = "oms-dlq-failed-at";

    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);

    private final KafkaProducerHolder producers;
    private final ServiceIdentity service;
    private final MeterRegistry registry;

    public DeadLetterQueue(KafkaProducerHolder producers, ServiceIdentity service, MeterRegistry registry) {
        this.producers = producers;
        this.service = service;
        this.registry = registry;
    }

    /** Blocks until the DLQ record is durable: only then may the original offset be committed. */
    public void send(ConsumerRecord<String, byte[]> record, String consumer, String reason) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        put(headers, ORIGINAL_TOPIC, record.topic());
        put(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        put(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
        put(headers, REASON, reason);
        put(headers, CONSUMER, consumer);
        put(headers, SERVICE, service.name());
        put(headers, FAILED_AT, Instant.now().toString());
        String dlq = Topics.dlq(record.topic());
        try {
            producers.producer().send(new ProducerRecord<>(dlq, null, record.key(), record.value(), headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + dlq, e.getCause());
        }
        Counter.builder("oms.dead.letters").description("Poison records sent to a dead-letter topic")
                .tag("topic", record.topic()).tag("consumer", consumer).register(registry).increment();
        LOG.warnf("Dead-lettered %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(), dlq, reason);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
