package dev.oms.system;

import dev.oms.events.EventCodec;
import dev.oms.events.EventEnvelope;
import dev.oms.events.OrderCancelled;
import dev.oms.events.OrderAccepted;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderRejected;
import dev.oms.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Watches {@code oms.order-events} from the moment it starts and notes, per order, when it was accepted and when its
 * terminal event (completed, failed, rejected, cancelled) was published: the record's CreateTime, stamped by the publishing
 * service on the same host clock as the test's. The first record counts; a re-published one is later, not news.
 */
final class TerminalEventClock implements AutoCloseable {

    private static final List<Class<?>> TERMINAL = List.of(OrderCompleted.class, OrderFailed.class, OrderRejected.class,
            OrderCancelled.class);

    private final Map<UUID, Long> acceptedAtMillis = new ConcurrentHashMap<>();
    private final Map<UUID, Long> terminalAtMillis = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread poller;
    private volatile RuntimeException failure;

    private TerminalEventClock(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        poller = new Thread(this::poll, "terminal-event-clock");
        poller.setDaemon(true);
    }

    /** Starts watching at the topic's current end; returns once the watch is in place. */
    static TerminalEventClock startAtEnd(String bootstrapServers) throws InterruptedException {
        TerminalEventClock clock = new TerminalEventClock(bootstrapServers);
        clock.poller.start();
        if (!clock.positioned.await(30, TimeUnit.SECONDS) || clock.failure != null) {
            clock.close();
            throw new IllegalStateException("could not start watching " + Topics.ORDER_EVENTS, clock.failure);
        }
        return clock;
    }

    /** When the order's terminal event was published (epoch millis), if it has been seen. */
    Optional<Long> terminalAt(UUID orderId) {
        requireWatching();
        return Optional.ofNullable(terminalAtMillis.get(orderId));
    }

    private void requireWatching() {
        if (failure != null) {
            throw new IllegalStateException("the watch on " + Topics.ORDER_EVENTS + " failed", failure);
        }
    }

    /** When the order was accepted (epoch millis), if its {@code OrderAccepted} has been seen. */
    Optional<Long> acceptedAt(UUID orderId) {
        requireWatching();
        return Optional.ofNullable(acceptedAtMillis.get(orderId));
    }

    // The consumer is used by this thread only: KafkaConsumer is not thread-safe (wakeup() is the exception).
    private void poll() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDER_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    EventEnvelope event = EventCodec.decode(record.value());
                    if (event.data() instanceof OrderAccepted) {
                        acceptedAtMillis.putIfAbsent(event.subject(), record.timestamp());
                    } else if (TERMINAL.contains(event.data().getClass())) {
                        terminalAtMillis.putIfAbsent(event.subject(), record.timestamp());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            positioned.countDown();
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (poller.isAlive()) {
            consumer.wakeup();
        }
        poller.join(10_000);
    }
}
