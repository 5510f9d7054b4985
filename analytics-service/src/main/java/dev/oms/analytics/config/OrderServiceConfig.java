package dev.oms.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where order-service answers, for the order counts of the dashboard's ops panel. */
@ConfigMapping(prefix = "oms.order-service")
public interface OrderServiceConfig {

    /** Base URL of order-service (OMS_ORDER_SERVICE_URL). */
    @WithDefault("http://127.0.0.1:8082")
    URI url();

    /** How long one call may take, connection included: the panel would rather say "unavailable" than hang. */
    @WithDefault("2s")
    Duration timeout();
}
