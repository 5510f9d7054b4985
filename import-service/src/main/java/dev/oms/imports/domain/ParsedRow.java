package dev.oms.imports.domain;

import java.util.List;

/**
 * One row after validation: its values when it is valid, its errors otherwise. {@code externalOrderId} is known
 * whenever the order_id cell is usable, even if other cells are not, so the row can still be grouped.
 */
public record ParsedRow(CsvRow row, String externalOrderId, RowValues values, List<RowError> errors) {

    public ParsedRow {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
