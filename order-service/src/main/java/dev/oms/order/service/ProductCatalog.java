package dev.oms.order.service;

import dev.oms.events.Money;
import dev.oms.order.domain.Catalog;
import dev.oms.order.domain.CatalogEntry;
import dev.oms.order.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The catalog as the pricing rules see it, read from the product table. */
@ApplicationScoped
public class ProductCatalog implements Catalog {

    @Override
    public Optional<CatalogEntry> bySku(String sku) {
        return Product.<Product>findByIdOptional(sku).map(ProductCatalog::entry);
    }

    @Override
    public Optional<CatalogEntry> byName(String name) {
        return Product.<Product>find("name", name.trim()).firstResultOptional().map(ProductCatalog::entry);
    }

    private static CatalogEntry entry(Product product) {
        return new CatalogEntry(product.sku, product.name, new Money(product.unitPriceMinor, product.currency));
    }
}
