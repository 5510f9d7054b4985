package dev.oms.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

@ConfigMapping(prefix = "oms.payments")
public interface PaymentConfig {

    Simulator simulator();

    /** The built-in gateway simulator (the default gateway). */
    interface Simulator {

        /** Seed of the deterministic decisions. */
        @WithDefault("42")
        long seed();

        /** Share of payments approved, within [0, 1]. */
        @WithDefault("1.0")
        double approvalRate();

        @WithDefault("insufficient_funds,card_declined,expired_card")
        List<String> declineReasons();
    }
}
