package dev.oms.imports.domain;

/** The columns of the Laravel "line" format: one row per order line, products named but without SKUs. */
public enum LineColumn implements CsvColumn {
    CUSTOMER_EMAIL("customer_email", true),
    CUSTOMER_NAME("customer_name", true),
    PRODUCT_NAME("product_name", true),
    PRODUCT_PRICE("product_price", true),
    QUANTITY("quantity", true),
    ORDER_DATE("order_date", false);

    private final String header;
    private final boolean required;

    LineColumn(String header, boolean required) {
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
