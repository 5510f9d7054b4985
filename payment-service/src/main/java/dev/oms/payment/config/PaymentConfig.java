package dev.oms.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "oms.payments")
public interface PaymentConfig {

    /**
     * Which gateway adapter takes the payments. Read at build time to select the adapter bean; here it makes an
     * unknown value fail at startup.
     */
    @WithDefault("simulator")
    Gateway gateway();

    Simulator simulator();

    Webhook webhook();

    /**
     * A payment PENDING longer than this is in doubt (its request or its answer may have been lost) and is
     * reconciled with the gateway's books. Well above the gateway's usual answer time, well below the order's
     * payment timeout.
     */
    @WithDefault("1m")
    Duration reconcileAfter();

    /** How often payments in doubt are reconciled; the first pass runs as the service starts. */
    @WithDefault("1m")
    Duration reconcileInterval();

    enum Gateway {
        SIMULATOR
    }

    /** The built-in gateway simulator (the default gateway). */
    interface Simulator {

        /** Seed of the deterministic decisions. */
        @WithDefault("42")
        long seed();

        /** Share of payments approved, within [0, 1]. */
        @WithDefault("0.9")
        double approvalRate();

        @WithDefault("insufficient_funds,card_declined,expired_card")
        List<String> declineReasons();

        /** Share of refunds the simulated gateway declines, within [0, 1]. */
        @WithDefault("0.05")
        double refundFailureRate();

        @WithDefault("refund_rejected_by_issuer,card_account_closed")
        List<String> refundDeclineReasons();

        /** How long the simulated gateway takes to answer a sale. */
        @WithDefault("20ms")
        Duration latency();

        /** Where the answers are posted; by default this service's own webhook on its actual HTTP port. */
        Optional<URI> webhookUrl();

        /** How often the simulator looks for answers that are due. */
        @WithDefault("50ms")
        Duration pollInterval();

        /** Answers posted per look. */
        @WithDefault("100")
        int batchSize();
    }

    /** The gateway's webhook into this service. */
    interface Webhook {

        /** The HMAC-SHA256 key shared with the gateway. Never logged. */
        String secret();

        /** How far a webhook's timestamp may be from now; older calls are refused as replays. */
        @WithDefault("5m")
        Duration tolerance();
    }
}
