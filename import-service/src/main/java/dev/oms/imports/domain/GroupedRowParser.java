package dev.oms.imports.domain;

import java.util.List;

/**
 * Validates the rows of a format whose orders span several contiguous rows (one per line item), for
 * {@link OrderAssembler} to group. A row's {@link ParsedRow#externalOrderId()} names its group.
 */
public interface GroupedRowParser {

    ParsedRow parse(CsvRow row);

    /** How error messages name the group that starts with this row, e.g. "order A-1". */
    String describeGroup(ParsedRow first);

    /** The header of the column whose value must agree across the rows of one order. */
    String emailColumn();

    /** The header of the order date column, which must agree across the rows of one order. */
    String orderedAtColumn();

    /** See {@link OrderRows#notes()}. */
    default List<String> notes() {
        return List.of();
    }
}
