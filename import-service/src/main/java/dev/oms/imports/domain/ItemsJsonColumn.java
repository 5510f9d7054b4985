package dev.oms.imports.domain;

/** The columns of the Laravel "items JSON" format: one row per order, its lines as a JSON array. */
public enum ItemsJsonColumn implements CsvColumn {
    CUSTOMER_EMAIL("customer_email", true),
    CUSTOMER_NAME("customer_name", true),
    ORDER_NUMBER("order_number", true),
    TOTAL_AMOUNT("total_amount", true),
    ITEMS("items", true);

    private final String header;
    private final boolean required;

    ItemsJsonColumn(String header, boolean required) {
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
