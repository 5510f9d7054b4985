package dev.oms.cli.api;

import dev.oms.events.Money;

/** A catalog product with its stock, as order-service lists it. */
public record Product(String sku, String name, Money unitPrice, long onHand, long reserved, long available) {
}
