package dev.oms.notification.domain;

import java.util.Locale;

/** The ways a notification goes out; which ones each type uses is configuration. */
public enum Channel {
    LOG,
    EMAIL,
    WEBHOOK,
    PUSH;

    /** e.g. {@code email}: the name in configuration, template paths and published events. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
