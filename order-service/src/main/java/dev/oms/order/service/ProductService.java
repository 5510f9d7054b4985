package dev.oms.order.service;

import dev.oms.order.config.OrderConfig;
import dev.oms.order.domain.Product;
import dev.oms.order.rest.ProductInput;
import dev.oms.platform.rest.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ProductService {

    public record UpsertResult(int created, int updated) {
    }

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

    public Slice<Product> list(int page, int size) {
        var query = Product.<Product>findAll(Sort.by("sku")).page(page, size);
        return new Slice<>(query.list(), query.count());
    }

    public Product get(String sku) {
        return Product.<Product>findByIdOptional(sku).orElseThrow(() -> ProblemException.notFound("product", sku));
    }
}
