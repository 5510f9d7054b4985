package dev.oms.notification.config;

import dev.oms.notification.domain.Channel;
import dev.oms.notification.domain.NotificationType;
import dev.oms.notification.domain.RetryPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which channels each notification type goes out on, and how the dispatcher sends and retries. */
@ConfigMapping(prefix = "oms.notifications")
public interface NotificationConfig {

    Channels channels();

    Dispatcher dispatcher();

    Retry retry();

    Webhook webhook();

    /** The channels of one type, without repeats, in the configured order. */
    default Set<Channel> channelsOf(NotificationType type) {
        Channels c = channels();
        List<Channel> configured = switch (type) {
            case ORDER_CONFIRMED -> c.orderConfirmed();
            case ORDER_FAILED -> c.orderFailed();
            case ORDER_SHIPPED -> c.orderShipped();
            case ORDER_DELIVERED -> c.orderDelivered();
            case REFUND_COMPLETED -> c.refundCompleted();
            case REFUND_FAILED -> c.refundFailed();
        };
        return new LinkedHashSet<>(configured);
    }

    default RetryPolicy retryPolicy() {
        return new RetryPolicy(retry().initialBackoff(), retry().maxBackoff(), retry().maxAttempts());
    }

    /** {@code oms.notifications.channels.<type>=log,email,webhook,push}: the channels of each type. */
    interface Channels {

        @WithDefault("log")
        List<Channel> orderConfirmed();

        @WithDefault("log")
        List<Channel> orderFailed();

        @WithDefault("log")
        List<Channel> orderShipped();

        @WithDefault("log")
        List<Channel> orderDelivered();

        @WithDefault("log")
        List<Channel> refundCompleted();

        @WithDefault("log")
        List<Channel> refundFailed();
    }

    interface Dispatcher {

        /** How often the dispatcher looks for due notifications. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Notifications claimed per look, sent one after another, their outcomes recorded in one transaction. */
        @WithDefault("100")
        int batchSize();

        /**
         * How long a claim keeps other dispatchers off the rows it took. Longer than a batch can take to send, so
         * only a dispatcher that died loses its claims to another.
         */
        @WithDefault("5m")
        Duration claimLease();
    }

    interface Retry {

        /** The wait after the first failed attempt; doubled after each further one. */
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("30m")
        Duration maxBackoff();

        /** Attempts in all (the first included) before a notification is FAILED. */
        @WithDefault("8")
        int maxAttempts();
    }

    interface Webhook {

        /** Where webhook notifications are posted; required when a type uses the webhook channel. */
        Optional<URI> url();

        /** The HMAC-SHA256 key the receiver checks signatures with. Never logged. */
        String secret();

        /** How long one POST may take, connection included. */
        @WithDefault("10s")
        Duration timeout();
    }
}
