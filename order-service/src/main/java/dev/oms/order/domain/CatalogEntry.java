package dev.oms.order.domain;

import dev.oms.events.Money;

/** What pricing needs to know of a product. */
public record CatalogEntry(String sku, String name, Money unitPrice) {
}
