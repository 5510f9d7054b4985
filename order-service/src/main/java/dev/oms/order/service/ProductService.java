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
            Product product = Product.findById(input.sku());
            if (product == null) {
                product = new Product();
                product.sku = input.sku();
                product.createdAt = now;
                product.reserved = 0;
                created++;
            } else {
                if (input.onHand() < product.reserved) {
                    throw ProblemException.conflict("on-hand stock of " + input.sku() + " cannot go below the "
                            + product.reserved + " units reserved", Map.of("field", "products[" + i + "].onHand"));
                }
                updated++;
            }
            product.name = input.name().trim();
            product.unitPriceMinor = input.unitPriceMinor();
            product.currency = currency;
            product.onHand = input.onHand();
            product.updatedAt = now;
            product.persist();
        }
        return new UpsertResult(created, updated);
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
        product.name = name.trim();
        product.unitPriceMinor = unitPriceMinor;
        product.updatedAt = Instant.now();
        return product;
    }

    /** Adds {@code delta} to on-hand stock by a conditional update, so it never drops below the reserved units. */
    @Transactional
    public Product adjustStock(String sku, int delta, String reason) {
        get(sku);
        int changed = Product.update("onHand = onHand + ?1, updatedAt = ?2 where sku = ?3 and onHand + ?1 >= reserved",
                delta, Instant.now(), sku);
        Product product = Product.findById(sku);
        Product.getEntityManager().refresh(product);
        if (changed == 0) {
            throw ProblemException.conflict("on-hand stock of " + sku + " (" + product.onHand + ") cannot go below the "
                    + product.reserved + " units reserved", Map.of("field", "delta", "onHand", product.onHand,
                    "reserved", product.reserved));
        }
        LOG.infof("Stock of %s adjusted by %+d to %d on hand: %s", sku, delta, product.onHand, reason);
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
