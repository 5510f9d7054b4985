package dev.oms.imports.domain;

import java.util.List;
import java.util.Map;

/**
 * Validates the rows of a format whose orders span several contiguous rows (one per line item), for
 * {@link OrderAssembler} to group. A row's {@link ParsedRow#externalOrderId()} names its group.
 */
public interface GroupedRowParser {

    ParsedRow parse(CsvRow row);

    /** How error messages name the group that starts with this row, e.g. "order A-1". */
    String describeGroup(ParsedRow first);

    /**
     * The cells of {@code row} that must agree with the order's first row but do not: column header → the first
     * row's value (empty when they agree).
     */
    Map<String, String> disagreements(RowValues first, RowValues row);

    /** See {@link OrderRows#notes()}. */
    default List<String> notes() {
        return List.of();
    }
}
