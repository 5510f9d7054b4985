package dev.oms.notification.service;

import dev.oms.events.EventEnvelope;
import dev.oms.events.Money;
import dev.oms.notification.config.NotificationConfig;
import dev.oms.notification.domain.Channel;
import dev.oms.notification.domain.DeliveryStatus;
import dev.oms.notification.domain.Notification;
import dev.oms.notification.domain.NotificationTrigger;
import dev.oms.notification.domain.OrderSnapshot;
import dev.oms.notification.message.MessageRenderer;
import dev.oms.notification.message.NotificationContent;
import dev.oms.notification.message.RenderedMessage;
import dev.oms.platform.ids.Uuids;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Turns an event into PENDING notifications, one per configured channel, inside the consumer's inbox transaction;
 * the dispatcher sends them later. Rendered here, once, so every attempt sends the same text. An event seen again
 * (a re-published record, or one replayed after its inbox record was pruned) adds no row: (event, channel) is unique.
 */
@ApplicationScoped
public class NotificationIntake {

    private final NotificationConfig config;
    private final OrderSnapshots orders;
    private final MessageRenderer renderer;

    public NotificationIntake(NotificationConfig config, OrderSnapshots orders, MessageRenderer renderer) {
        this.config = config;
        this.orders = orders;
        this.renderer = renderer;
    }

    public void record(EventEnvelope event) {
        NotificationTrigger.of(event.data()).ifPresent(trigger -> record(event, trigger));
    }

    private void record(EventEnvelope event, NotificationTrigger trigger) {
        OrderSnapshot order = orders.find(trigger.orderId()).orElse(null);
        if (!trigger.complete()) {
            // Refunds only exist for paid orders: a snapshot that does not say so yet is behind, not the answer.
            if (order == null || !order.status.paid()) {
                throw new OrderEventsBehindException(trigger.orderId());
            }
            trigger = trigger.withOrder(order.status, new Money(order.totalMinor, order.currency));
        }
        NotificationContent content = new NotificationContent(event.id(), event.time(), trigger.type(),
                trigger.orderId(), trigger.customerId(), order == null ? null : order.customerName,
                trigger.orderStatus(), trigger.total(), trigger.refundAmount(), trigger.reason());
        Instant now = Instant.now();
        for (Channel channel : config.channelsOf(trigger.type())) {
            if (Notification.count("eventId = ?1 and channel = ?2", event.id(), channel) > 0) {
                continue;
            }
            RenderedMessage message = renderer.render(channel, content);
            Notification notification = new Notification();
            notification.id = Uuids.timeOrdered();
            notification.eventId = event.id();
            notification.channel = channel;
            notification.type = trigger.type();
            notification.orderId = trigger.orderId();
            notification.customerId = trigger.customerId();
            notification.orderStatus = trigger.orderStatus();
            notification.totalMinor = trigger.total().amountMinor();
            notification.currency = trigger.total().currency();
            notification.refundMinor = trigger.refundAmount() == null ? null : trigger.refundAmount().amountMinor();
            notification.recipient = channel == Channel.EMAIL && order != null ? order.customerEmail : null;
            notification.subject = message.subject();
            notification.payload = message.payload();
            notification.status = DeliveryStatus.PENDING;
            notification.attempts = 0;
            notification.createdAt = now;
            notification.nextAttemptAt = now;
            notification.persist();
        }
    }
}
