package dev.oms.events;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every Kafka topic OMS uses, with the partitions and retention it is created with. */
public final class Topics {

    public static final String ORDER_REQUESTS_BULK = "oms.order-requests.bulk";
    public static final String ORDER_REQUESTS_INTERACTIVE = "oms.order-requests.interactive";
    public static final String ORDER_EVENTS = "oms.order-events";
    public static final String PAYMENT_COMMANDS = "oms.payment-commands";
    public static final String PAYMENT_COMMANDS_INTERACTIVE = "oms.payment-commands.interactive";
    public static final String PAYMENT_EVENTS = "oms.payment-events";
    public static final String PAYMENT_EVENTS_INTERACTIVE = "oms.payment-events.interactive";
    public static final String REFUND_EVENTS = "oms.refund-events";
    public static final String NOTIFICATION_EVENTS = "oms.notification-events";

    public static final int DEFAULT_PARTITIONS = 6;
    private static final long SEVEN_DAYS_MS = 7L * 24 * 3600 * 1000;
    private static final long FOREVER = -1;

    /** Name, partition count and {@code retention.ms} (-1 keeps everything) of one topic. */
    public record TopicSpec(String name, int partitions, long retentionMs) {
    }

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + ".dlq";
    }

    private static final Map<Class<? extends OmsEvent>, String> TOPIC_BY_EVENT = Map.ofEntries(
            Map.entry(AuthorizePayment.class, PAYMENT_COMMANDS),
            Map.entry(VoidPayment.class, PAYMENT_COMMANDS),
            Map.entry(RefundPayment.class, PAYMENT_COMMANDS),
            Map.entry(PaymentAuthorized.class, PAYMENT_EVENTS),
            Map.entry(PaymentDeclined.class, PAYMENT_EVENTS),
            Map.entry(PaymentVoided.class, PAYMENT_EVENTS),
            Map.entry(RefundSettled.class, PAYMENT_EVENTS),
            Map.entry(RefundDeclined.class, PAYMENT_EVENTS),
            Map.entry(RefundRequested.class, REFUND_EVENTS),
            Map.entry(RefundCompleted.class, REFUND_EVENTS),
            Map.entry(RefundFailed.class, REFUND_EVENTS),
            Map.entry(NotificationSent.class, NOTIFICATION_EVENTS),
            Map.entry(NotificationFailed.class, NOTIFICATION_EVENTS));

    // The saga's hops have a topic per lane, so an interactive order never waits behind a bulk backlog.
    private static final Map<String, String> INTERACTIVE_TWIN = Map.of(
            ORDER_REQUESTS_BULK, ORDER_REQUESTS_INTERACTIVE,
            PAYMENT_COMMANDS, PAYMENT_COMMANDS_INTERACTIVE,
            PAYMENT_EVENTS, PAYMENT_EVENTS_INTERACTIVE);

    /**
     * The topic an event of an order in {@code lane} is published to: requests, payment commands and payment events
     * go to their lane's topic; everything else has one topic whatever the lane (order events are the public record).
     */
    public static String topicFor(OmsEvent event, Lane lane) {
        String topic = event instanceof OrderRequested
                ? ORDER_REQUESTS_BULK
                : TOPIC_BY_EVENT.getOrDefault(event.getClass(), ORDER_EVENTS);
        return lane == Lane.INTERACTIVE ? INTERACTIVE_TWIN.getOrDefault(topic, topic) : topic;
    }

    /** {@link #topicFor(OmsEvent, Lane)} with the lane the event carries; events without one count as BULK. */
    public static String topicFor(OmsEvent event) {
        return topicFor(event, laneOf(event));
    }

    /** The lane an event names itself, or BULK for events that do not carry one. */
    public static Lane laneOf(OmsEvent event) {
        if (event instanceof OrderRequested requested && requested.lane() != null) {
            return requested.lane();
        }
        if (event instanceof AuthorizePayment authorize && authorize.lane() != null) {
            return authorize.lane();
        }
        return Lane.BULK;
    }

    /** Every topic, dead-letter queues included. Order and refund events are kept forever to rebuild analytics. */
    public static List<TopicSpec> all() {
        List<TopicSpec> main = List.of(
                new TopicSpec(ORDER_REQUESTS_BULK, DEFAULT_PARTITIONS, SEVEN_DAYS_MS),
                new TopicSpec(ORDER_REQUESTS_INTERACTIVE, DEFAULT_PARTITIONS, SEVEN_DAYS_MS),
                new TopicSpec(ORDER_EVENTS, DEFAULT_PARTITIONS, FOREVER),
                new TopicSpec(PAYMENT_COMMANDS, DEFAULT_PARTITIONS, SEVEN_DAYS_MS),
                new TopicSpec(PAYMENT_COMMANDS_INTERACTIVE, DEFAULT_PARTITIONS, SEVEN_DAYS_MS),
                new TopicSpec(PAYMENT_EVENTS, DEFAULT_PARTITIONS, SEVEN_DAYS_MS),
                new TopicSpec(PAYMENT_EVENTS_INTERACTIVE, DEFAULT_PARTITIONS, SEVEN_DAYS_MS),
                new TopicSpec(REFUND_EVENTS, DEFAULT_PARTITIONS, FOREVER),
                new TopicSpec(NOTIFICATION_EVENTS, DEFAULT_PARTITIONS, SEVEN_DAYS_MS));
        return Stream.concat(main.stream(),
                        main.stream().map(t -> new TopicSpec(dlq(t.name()), 1, FOREVER)))
                .toList();
    }
}
