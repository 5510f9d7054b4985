package dev.oms.notification.channel;

import dev.oms.notification.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.EnumMap;
import java.util.Map;

/** The channel implementation of each {@link Channel}; every one must exist, which startup checks. */
@ApplicationScoped
public class Channels {

    private final Map<Channel, NotificationChannel> byChannel = new EnumMap<>(Channel.class);

    public Channels(Instance<NotificationChannel> channels) {
        for (NotificationChannel channel : channels) {
            byChannel.put(channel.channel(), channel);
        }
        for (Channel channel : Channel.values()) {
            if (!byChannel.containsKey(channel)) {
                throw new IllegalStateException("no implementation of the " + channel.key() + " channel");
            }
        }
    }

    public NotificationChannel of(Channel channel) {
        return byChannel.get(channel);
    }
}
