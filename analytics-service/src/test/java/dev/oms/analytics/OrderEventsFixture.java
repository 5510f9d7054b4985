package dev.oms.analytics;

import dev.oms.events.CustomerRef;
import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Ids;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderCompleted;
import dev.oms.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes real order-event records (CloudEvents bytes, as order-service writes them) for the tests. */
public final class OrderEventsFixture implements AutoCloseable {

    /** Far-past days no real event has, distinct for each test of this JVM and random per run. */
    private static final AtomicLong NEXT_DAY =
            new AtomicLong(LocalDate.of(1200, 1, 1).toEpochDay() + ThreadLocalRandom.current().nextLong(200_000));

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    public static LocalDate uniqueDay() {
        return LocalDate.ofEpochDay(NEXT_DAY.getAndAdd(3));
    }

    public static Instant noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }

    /** A customer nobody else uses: the id is derived from a fresh email, as order-service derives it. */
    public static CustomerRef newCustomer(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        return new CustomerRef(Ids.customerId(email), email, name);
    }

    public static EventEnvelope envelope(Instant time, OmsEvent data) {
        return EventEnvelope.of(UUID.randomUUID(), "order-service", time, data);
    }

    public static EventEnvelope completed(CustomerRef customer, long amountMinor, Instant paidAt) {
        return envelope(paidAt, new OrderCompleted(UUID.randomUUID(), customer, new Money(amountMinor, "USD"),
                UUID.randomUUID(), paidAt));
    }

    public RecordMetadata publish(EventEnvelope event) {
        return publish(null, event.key(), EventCodec.encode(event));
    }

    /** Publishes exactly these bytes, to {@code partition} or (when null) to the key's partition. */
    public RecordMetadata publish(Integer partition, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, partition, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + Topics.ORDER_EVENTS, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
