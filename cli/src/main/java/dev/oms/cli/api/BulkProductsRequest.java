package dev.oms.cli.api;

import java.util.List;

public record BulkProductsRequest(List<ProductInput> products) {
}
