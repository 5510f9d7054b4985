package dev.oms.imports.domain;

/** The columns of the canonical CSV format, one row per order line. */
public enum CanonicalColumn implements CsvColumn {
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

    @Override
    public String header() {
        return header;
    }

    @Override
    public boolean required() {
        return required;
    }
}
