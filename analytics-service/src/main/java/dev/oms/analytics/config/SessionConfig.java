package dev.oms.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The dashboard's sign-in cookie. */
@ConfigMapping(prefix = "oms.session")
public interface SessionConfig {

    /**
     * Whether the cookie is marked {@code Secure} (sent over HTTPS only). Off by default because local runs are
     * plain http, where a browser would drop a Secure cookie; set OMS_SESSION_SECURE_COOKIE=true behind TLS.
     */
    @WithDefault("false")
    boolean secureCookie();
}
