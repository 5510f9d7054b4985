package dev.oms.cli.catalog;

import dev.oms.cli.api.BulkProductsRequest;
import dev.oms.cli.api.BulkProductsResult;
import dev.oms.cli.api.ProductInput;
import dev.oms.cli.http.ServiceClient;

import java.util.List;

/** Sends products to order-service's bulk upsert in bounded requests, so a large catalog never makes one huge body. */
public final class ProductLoader {

    private static final int BATCH_SIZE = 500;

    private final ServiceClient orderService;

    public ProductLoader(ServiceClient orderService) {
        this.orderService = orderService;
    }

    public BulkProductsResult load(List<ProductInput> products) {
        BulkProductsResult total = new BulkProductsResult(0, 0);
        for (int from = 0; from < products.size(); from += BATCH_SIZE) {
            List<ProductInput> batch = products.subList(from, Math.min(products.size(), from + BATCH_SIZE));
            total = total.plus(orderService.postJson("/products/bulk", new BulkProductsRequest(batch),
                    BulkProductsResult.class));
        }
        return total;
    }
}
