package dev.oms.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "oms.orders")
public interface OrderConfig {

    /** The shop's one currency (ISO 4217); orders in any other are rejected as INVALID. */
    @WithDefault("USD")
    String currency();
}
