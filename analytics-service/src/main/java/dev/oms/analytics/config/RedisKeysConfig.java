package dev.oms.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where OMS keys live in Redis. */
@ConfigMapping(prefix = "oms.redis")
public interface RedisKeysConfig {

    /** Put in front of every key, so several environments (or test runs) can share one Redis. */
    @WithDefault("oms:")
    String keyPrefix();
}
