package dev.oms.cli.api;

public record BulkProductsResult(long created, long updated) {

    public BulkProductsResult plus(BulkProductsResult other) {
        return new BulkProductsResult(created + other.created, updated + other.updated);
    }
}
