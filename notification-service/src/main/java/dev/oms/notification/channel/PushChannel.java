package dev.oms.notification.channel;

import dev.oms.notification.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;

/** Push messages to the customer's devices through the {@link PushProvider} (simulated unless one is provided). */
@ApplicationScoped
public class PushChannel implements NotificationChannel {

    private final PushProvider provider;

    public PushChannel(PushProvider provider) {
        this.provider = provider;
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public void send(Delivery delivery) {
        provider.push(delivery);
    }
}
