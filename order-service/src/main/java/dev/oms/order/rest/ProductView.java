package dev.oms.order.rest;

import dev.oms.events.Money;
import dev.oms.order.domain.Product;

public record ProductView(String sku, String name, Money unitPrice, int onHand, int reserved, int available) {

    static ProductView of(Product product) {
        return new ProductView(product.sku, product.name, new Money(product.unitPriceMinor, product.currency),
                product.onHand, product.reserved, product.available());
    }
}
