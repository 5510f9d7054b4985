package dev.oms.imports.domain;

import java.util.Arrays;
import java.util.Optional;

/** The columns of the canonical CSV format, one row per order line. */
public enum CanonicalColumn {
    ORDER_ID("order_id", true),
    CUSTOMER_EMAIL("customer_email", true),
    CUSTOMER_NAME("customer_name", true),
    SKU("sku", true),
    PRODUCT_NAME("product_name", true),
    QUANTITY("quantity", true),
    UNIT_PRICE("unit_price", true),
    CURRENCY("currency", false),
    ORDERED_AT("ordered_at", false);

    private final String header;
    private final boolean required;

    CanonicalColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    /** The name as written in the CSV header (lower case). */
    public String header() {
        return header;
    }

    /** Required columns must be in the header and their cells must not be blank. */
    public boolean required() {
        return required;
    }

    public static Optional<CanonicalColumn> byHeader(String name) {
        return Arrays.stream(values()).filter(c -> c.header.equals(name)).findFirst();
    }
}
