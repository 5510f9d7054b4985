package dev.oms.analytics;

import dev.oms.events.CustomerRef;
import dev.oms.events.EventEnvelope;
import dev.oms.events.Ids;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderCompleted;
import dev.oms.events.Topics;
import dev.oms.infra.testing.KafkaTestClient;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes real order-event records (CloudEvents bytes, as order-service writes them) for the tests. */
public final class OrderEventsFixture {

    /** Far-past days no real event has, distinct for each test of this JVM and random per run. */
    private static final AtomicLong NEXT_DAY =
            new AtomicLong(LocalDate.of(1200, 1, 1).toEpochDay() + ThreadLocalRandom.current().nextLong(200_000));

    private OrderEventsFixture() {
    }

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

    public static RecordMetadata publish(EventEnvelope event) {
        return KafkaTestClient.shared().publish(event);
    }

    /** Publishes exactly these bytes, to {@code partition} or (when null) to the key's partition. */
    public static RecordMetadata publish(Integer partition, String key, byte[] value) {
        return KafkaTestClient.shared().publishRaw(Topics.ORDER_EVENTS, partition, key, value);
    }
}
