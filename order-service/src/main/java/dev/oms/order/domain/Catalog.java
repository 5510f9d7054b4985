package dev.oms.order.domain;

import java.util.Optional;

/** Looks products up by SKU or, for orders that only name them, by their unique name. */
public interface Catalog {

    Optional<CatalogEntry> bySku(String sku);

    Optional<CatalogEntry> byName(String name);
}
