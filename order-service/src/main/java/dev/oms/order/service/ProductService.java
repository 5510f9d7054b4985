package dev.oms.order.service;

import dev.oms.order.config.OrderConfig;
import dev.oms.order.domain.Product;
import dev.oms.order.rest.ProductInput;
import dev.oms.platform.rest.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ProductService {

    public record UpsertResult(int created, int updated) {
    }

    private static final Logger LOG = Logger.getLogger(ProductService.class);

    private final OrderConfig config;

    public ProductService(OrderConfig config) {
        this.config = config;
    }

    @Transactional
    public UpsertResult upsert(List<ProductInput> inputs) {
        Instant now = Instant.now();
        int created = 0;
        int updated = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ProductInput input = inputs.get(i);
            String currency = input.currency() == null ? config.currency() : input.currency();
            if (!currency.equals(config.currency())) {
                throw ProblemException.badRequest("products[" + i + "].currency",
                        "currency " + currency + " is not the shop currency " + config.currency());
            }
            if (Product.findById(input.sku()) == null) {
                Product product = new Product();
                product.sku = input.sku();
                product.name = input.name().trim();
                product.unitPriceMinor = input.unitPriceMinor();
                product.currency = currency;
                product.onHand = input.onHand();
                product.reserved = 0;
                product.createdAt = now;
                product.updatedAt = now;
                product.persist();
                created++;
            } else {
                setOnHand(input.sku(), input.onHand(), "products[" + i + "].onHand", now);
                describe(input.sku(), input.name(), input.unitPriceMinor(), now);
                updated++;
            }
        }
        return new UpsertResult(created, updated);
    }

    /**
     * Sets on-hand stock under the product's row lock, so it never drops below the units reserved at that moment.
     * (A conditional UPDATE cannot tell "refused" from "nothing to change": with useAffectedRows both report 0.)
     */
    private static void setOnHand(String sku, int onHand, String field, Instant now) {
        Object[] stock = lockedStock(sku);
        int reserved = ((Number) stock[1]).intValue();
        if (onHand < reserved) {
            throw ProblemException.conflict("on-hand stock of " + sku + " cannot go below the " + reserved
                    + " units reserved", Map.of("field", field, "onHand", ((Number) stock[0]).intValue(), "reserved", reserved));
        }
        Product.update("onHand = ?1, updatedAt = ?2 where sku = ?3", onHand, now, sku);
    }

    /** {@code [on_hand, reserved]} of the product, read with its row lock. */
    private static Object[] lockedStock(String sku) {
        return (Object[]) Product.getEntityManager()
                .createNativeQuery("SELECT on_hand, reserved FROM product WHERE sku = ?1 FOR UPDATE")
                .setParameter(1, sku)
                .getSingleResult();
    }

    /** Creates one product; 409 if the SKU or the name is taken. */
    @Transactional
    public Product create(ProductInput input) {
        if (Product.findById(input.sku()) != null) {
            throw ProblemException.conflict("product " + input.sku() + " already exists", Map.of("field", "sku"));
        }
        requireNameFree(input.name(), null);
        upsert(List.of(input));
        return Product.findById(input.sku());
    }

    @Transactional
    public Product update(String sku, String name, long unitPriceMinor) {
        Product product = get(sku);
        requireNameFree(name, sku);
        describe(sku, name, unitPriceMinor, Instant.now());
        Product.getEntityManager().refresh(product);
        return product;
    }

    /**
     * Name and price of an existing product, as an explicit UPDATE: a dirty-checked entity update that changes
     * nothing in the row (same values, same second on MariaDB) reports 0 rows under {@code useAffectedRows},
     * which Hibernate would take for a concurrent delete.
     */
    private static void describe(String sku, String name, long unitPriceMinor, Instant now) {
        Product.update("name = ?1, unitPriceMinor = ?2, updatedAt = ?3 where sku = ?4", name.trim(), unitPriceMinor, now, sku);
    }

    /** Adds {@code delta} to on-hand stock; it never drops below the units reserved (409). */
    @Transactional
    public Product adjustStock(String sku, int delta, String reason) {
        get(sku);
        int onHand = ((Number) lockedStock(sku)[0]).intValue() + delta;
        setOnHand(sku, onHand, "delta", Instant.now());
        LOG.infof("Stock of %s adjusted by %+d to %d on hand: %s", sku, delta, onHand, reason);
        Product product = Product.findById(sku);
        Product.getEntityManager().refresh(product);
        return product;
    }

    private static void requireNameFree(String name, String exceptSku) {
        Product holder = Product.<Product>find("name", name.trim()).firstResult();
        if (holder != null && !holder.sku.equals(exceptSku)) {
            throw ProblemException.conflict("the name '" + name.trim() + "' belongs to product " + holder.sku,
                    Map.of("field", "name"));
        }
    }

    public Slice<Product> list(int page, int size) {
        var query = Product.<Product>findAll(Sort.by("sku")).page(page, size);
        return new Slice<>(query.list(), query.count());
    }

    public Product get(String sku) {
        return Product.<Product>findByIdOptional(sku).orElseThrow(() -> ProblemException.notFound("product", sku));
    }
}
