package dev.oms.imports.domain;

import java.util.List;

/**
 * Rows that are not published: an order with at least one bad row (every row of it has an error entry), or a
 * single row rejected on its own, not as an order ({@code externalOrderId} null): a row without a usable order
 * id, a blank line, or a further row of an order already rejected for having too many lines.
 */
public record RejectedOrder(String externalOrderId, int rowCount, List<RowError> errors) implements AssembledOrder {

    public RejectedOrder {
        errors = List.copyOf(errors);
    }
}
