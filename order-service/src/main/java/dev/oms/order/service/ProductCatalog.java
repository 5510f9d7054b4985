package dev.oms.order.service;

import dev.oms.events.Money;
import dev.oms.order.domain.Catalog;
import dev.oms.order.domain.CatalogEntry;
import dev.oms.order.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog as the pricing rules see it, read from the product table once per SKU or name in a transaction: a batch
 * of orders reads each of its products once instead of once per order line. (Under REPEATABLE READ a second read in
 * the same transaction would see the same row anyway.)
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProductCatalog implements Catalog {

    private final TransactionSynchronizationRegistry transaction;

    public ProductCatalog(TransactionSynchronizationRegistry transaction) {
        this.transaction = transaction;
    }

    @Override
    public Optional<CatalogEntry> bySku(String sku) {
        return readOnce("sku " + sku, () -> Product.<Product>findByIdOptional(sku).map(ProductCatalog::entry));
    }

    @Override
    public Optional<CatalogEntry> byName(String name) {
        String trimmed = name.trim();
        return readOnce("name " + trimmed,
                () -> Product.<Product>find("name", trimmed).firstResultOptional().map(ProductCatalog::entry));
    }

    private Optional<CatalogEntry> readOnce(String key, Supplier<Optional<CatalogEntry>> read) {
        @SuppressWarnings("unchecked")
        Map<String, Optional<CatalogEntry>> seen = (Map<String, Optional<CatalogEntry>>) transaction.getResource(ProductCatalog.class);
        if (seen == null) {
            seen = new HashMap<>();
            transaction.putResource(ProductCatalog.class, seen);
        }
        return seen.computeIfAbsent(key, ignored -> read.get());
    }

    private static CatalogEntry entry(Product product) {
        return new CatalogEntry(product.sku, product.name, new Money(product.unitPriceMinor, product.currency));
    }
}
