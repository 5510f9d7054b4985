package dev.oms.notification.channel;

import dev.oms.notification.domain.Channel;

/**
 * One way notifications go out. {@link #send} returns once the receiver has taken the notification, and throws
 * otherwise: a {@link DeliveryException} says whether trying again can help; anything else is retried.
 */
public interface NotificationChannel {

    Channel channel();

    void send(Delivery delivery);
}
