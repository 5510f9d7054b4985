package dev.oms.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "oms.orders")
public interface OrderConfig {

    /** The shop's one currency (ISO 4217); orders in any other are rejected as INVALID. */
    @WithDefault("USD")
    String currency();

    /**
     * How long an order waits in PAYMENT_PENDING before it fails with PAYMENT_TIMEOUT. Generous by default, so a
     * drained backlog never times out; a payment authorized after it is voided.
     */
    @WithDefault("15m")
    Duration paymentTimeout();

    /** How often the sweeper looks for orders past their payment deadline. */
    @WithDefault("5s")
    Duration paymentTimeoutSweep();
}
