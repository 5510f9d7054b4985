package dev.oms.events;

/**
 * One line of an order. A requested line names a product by {@code sku} or, for the Laravel "line" CSV format,
 * only by {@code productName}; {@code unitPrice} is absent when the catalog price applies. Accepted orders always
 * carry the resolved SKU and the price charged.
 */
public record OrderLine(String sku, String productName, int quantity, Money unitPrice) {
}
