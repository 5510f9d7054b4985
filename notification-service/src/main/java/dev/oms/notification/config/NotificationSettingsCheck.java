package dev.oms.notification.config;

import dev.oms.notification.domain.Channel;
import dev.oms.notification.domain.NotificationType;
import dev.oms.notification.message.MessageRenderer;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Refuses to start with settings that could only fail later, one notification at a time: a channel without a template
 * for a type it is configured for, or the webhook channel without a URL.
 */
@ApplicationScoped
public class NotificationSettingsCheck {

    private static final Logger LOG = Logger.getLogger(NotificationSettingsCheck.class);
    private static final String DEVELOPMENT_SECRET_PREFIX = "dev-only-";

    private final NotificationConfig config;
    private final MessageRenderer renderer;

    public NotificationSettingsCheck(NotificationConfig config, MessageRenderer renderer) {
        this.config = config;
        this.renderer = renderer;
    }

    // Before the consumers and the dispatcher take any work.
    void check(@Observes @Priority(1) StartupEvent event) {
        boolean webhookUsed = false;
        for (NotificationType type : NotificationType.values()) {
            for (Channel channel : config.channelsOf(type)) {
                renderer.template(channel, type);
                webhookUsed |= channel == Channel.WEBHOOK;
            }
        }
        if (webhookUsed && config.webhook().url().isEmpty()) {
            throw new IllegalStateException("the webhook channel is configured but oms.notifications.webhook.url is not "
                    + "(OMS_NOTIFICATIONS_WEBHOOK_URL)");
        }
        if (webhookUsed && LaunchMode.current() == LaunchMode.NORMAL
                && config.webhook().secret().startsWith(DEVELOPMENT_SECRET_PREFIX)) {
            LOG.warn("Webhook notifications are signed with the DEVELOPMENT secret: set OMS_NOTIFICATIONS_WEBHOOK_SECRET");
        }
    }
}
