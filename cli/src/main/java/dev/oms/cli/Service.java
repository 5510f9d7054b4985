package dev.oms.cli;

import java.util.Locale;

/** The OMS services the CLI talks to, with the local ports `./oms up` starts them on. */
public enum Service {
    IMPORT("import-service", 8081),
    ORDER("order-service", 8082),
    PAYMENT("payment-service", 8083),
    REFUND("refund-service", 8084),
    NOTIFICATION("notification-service", 8085),
    ANALYTICS("analytics-service", 8086);

    private final String displayName;
    private final int localPort;

    Service(String displayName, int localPort) {
        this.displayName = displayName;
        this.localPort = localPort;
    }

    public String displayName() {
        return displayName;
    }

    public String defaultUrl() {
        return "http://127.0.0.1:" + localPort;
    }

    /** e.g. OMS_ORDER_URL. */
    public String environmentVariable() {
        return "OMS_" + name() + "_URL";
    }

    /** e.g. --order-url. */
    public String optionName() {
        return "--" + name().toLowerCase(Locale.ROOT) + "-url";
    }
}
