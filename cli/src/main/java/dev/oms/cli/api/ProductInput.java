package dev.oms.cli.api;

/** One product for {@code POST /products/bulk}: created, or updated when the SKU exists. */
public record ProductInput(String sku, String name, long unitPriceMinor, String currency, long onHand) {
}
