package dev.oms.events;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsTest {

    // The producer table of ARCHITECTURE.md section 4; OrderRequested is routed by lane (see below).
    private static final Map<Class<? extends OmsEvent>, String> EXPECTED_TOPIC = Map.ofEntries(
            entry(OrderAccepted.class, Topics.ORDER_EVENTS),
            entry(OrderRejected.class, Topics.ORDER_EVENTS),
            entry(StockReserved.class, Topics.ORDER_EVENTS),
            entry(OrderCompleted.class, Topics.ORDER_EVENTS),
            entry(OrderFailed.class, Topics.ORDER_EVENTS),
            entry(OrderCancelled.class, Topics.ORDER_EVENTS),
            entry(OrderShipped.class, Topics.ORDER_EVENTS),
            entry(OrderDelivered.class, Topics.ORDER_EVENTS),
            entry(OrderRefundStatusChanged.class, Topics.ORDER_EVENTS),
            entry(AuthorizePayment.class, Topics.PAYMENT_COMMANDS),
            entry(VoidPayment.class, Topics.PAYMENT_COMMANDS),
            entry(RefundPayment.class, Topics.PAYMENT_COMMANDS),
            entry(PaymentAuthorized.class, Topics.PAYMENT_EVENTS),
            entry(PaymentDeclined.class, Topics.PAYMENT_EVENTS),
            entry(PaymentVoided.class, Topics.PAYMENT_EVENTS),
            entry(RefundSettled.class, Topics.PAYMENT_EVENTS),
            entry(RefundDeclined.class, Topics.PAYMENT_EVENTS),
            entry(RefundRequested.class, Topics.REFUND_EVENTS),
            entry(RefundCompleted.class, Topics.REFUND_EVENTS),
            entry(RefundFailed.class, Topics.REFUND_EVENTS),
            entry(NotificationSent.class, Topics.NOTIFICATION_EVENTS),
            entry(NotificationFailed.class, Topics.NOTIFICATION_EVENTS));

    @Test
    void everyEventGoesToADeclaredTopic() {
        Set<String> declared = Topics.all().stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());
        for (Class<? extends OmsEvent> type : EventTypes.ALL) {
            String topic = Topics.topicFor(SampleEvents.full(type));
            assertTrue(declared.contains(topic), type.getSimpleName() + " goes to undeclared topic " + topic);
        }
    }

    @Test
    void everyEventGoesToTheTopicOfItsProducer() {
        for (Class<? extends OmsEvent> type : EventTypes.ALL) {
            if (type != OrderRequested.class) {
                assertEquals(EXPECTED_TOPIC.get(type), Topics.topicFor(SampleEvents.full(type), Lane.BULK), type.getSimpleName());
            }
        }
    }

    @Test
    void orderRequestedIsRoutedByLane() {
        OrderRequested bulk = (OrderRequested) SampleEvents.full(OrderRequested.class);
        OrderRequested interactive = new OrderRequested(bulk.orderId(), bulk.externalOrderId(), Lane.INTERACTIVE,
                bulk.customer(), bulk.lines(), bulk.orderedAt(), null, null);
        assertEquals(Lane.BULK, bulk.lane());
        assertEquals(Topics.ORDER_REQUESTS_BULK, Topics.topicFor(bulk));
        assertEquals(Topics.ORDER_REQUESTS_INTERACTIVE, Topics.topicFor(interactive));
    }

    @Test
    void paymentCommandsAndEventsOfInteractiveOrdersTakeTheInteractiveTopics() {
        VoidPayment voidPayment = (VoidPayment) SampleEvents.full(VoidPayment.class);
        PaymentAuthorized authorized = (PaymentAuthorized) SampleEvents.full(PaymentAuthorized.class);
        AuthorizePayment authorize = (AuthorizePayment) SampleEvents.full(AuthorizePayment.class);
        AuthorizePayment interactive = new AuthorizePayment(authorize.paymentId(), authorize.orderId(),
                authorize.customerId(), authorize.amount(), Lane.INTERACTIVE);
        assertEquals(Topics.PAYMENT_COMMANDS_INTERACTIVE, Topics.topicFor(voidPayment, Lane.INTERACTIVE));
        assertEquals(Topics.PAYMENT_COMMANDS, Topics.topicFor(voidPayment, Lane.BULK));
        assertEquals(Topics.PAYMENT_EVENTS_INTERACTIVE, Topics.topicFor(authorized, Lane.INTERACTIVE));
        assertEquals(Topics.PAYMENT_COMMANDS_INTERACTIVE, Topics.topicFor(interactive));
        assertEquals(Topics.ORDER_EVENTS, Topics.topicFor(SampleEvents.full(OrderCompleted.class), Lane.INTERACTIVE),
                "order events are one public topic whatever the lane");
    }

    @Test
    void everyMainTopicHasADeadLetterTwin() {
        Set<String> names = Topics.all().stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());
        Set<String> main = names.stream().filter(name -> !name.endsWith(".dlq")).collect(Collectors.toSet());
        assertEquals(9, main.size(), "main topics: " + main);
        for (String topic : main) {
            assertTrue(names.contains(topic + ".dlq"), topic + " has no dead-letter twin");
        }
        assertEquals(2 * main.size(), names.size(), "every topic other than the main ones is a dead-letter twin");
    }

    @Test
    void orderAndRefundEventsAreKeptForever() {
        Map<String, Long> retention = Topics.all().stream()
                .collect(Collectors.toMap(Topics.TopicSpec::name, Topics.TopicSpec::retentionMs));
        assertEquals(-1L, retention.get(Topics.ORDER_EVENTS));
        assertEquals(-1L, retention.get(Topics.REFUND_EVENTS));
    }
}
