package dev.oms.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How consumers retry a record that failed for a reason that may pass (database down, lock timeout), and stop. */
@ConfigMapping(prefix = "oms.consumer")
public interface ConsumerConfig {

    @WithDefault("100ms")
    Duration retryInitialBackoff();

    @WithDefault("10s")
    Duration retryMaxBackoff();

    /** On shutdown, how long records being applied get to finish before the process goes on stopping. */
    @WithDefault("10s")
    Duration drainTimeout();
}
