package dev.oms.events;

/** A quantity of one SKU, as reserved or released. */
public record StockLine(String sku, int quantity) {
}
