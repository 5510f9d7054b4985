package dev.oms.imports.domain;

import java.util.List;

/**
 * Rows that are not published: an order with at least one bad row (every row of it has an error entry), or a
 * single row without a usable order_id ({@code externalOrderId} null).
 */
public record RejectedOrder(String externalOrderId, int rowCount, List<RowError> errors) implements AssembledOrder {

    public RejectedOrder {
        errors = List.copyOf(errors);
    }
}
