package dev.oms.notification.channel;

import dev.oms.notification.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The default channel: the rendered line in the service's log (emails in it are masked by the log filter). */
@ApplicationScoped
public class LogChannel implements NotificationChannel {

    private static final Logger LOG = Logger.getLogger(LogChannel.class);

    @Override
    public Channel channel() {
        return Channel.LOG;
    }

    @Override
    public void send(Delivery delivery) {
        LOG.infof("Notification %s: %s", delivery.type(), delivery.payload());
    }
}
