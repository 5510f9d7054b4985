package dev.oms.imports.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the cells of one row of any format and collects every problem found, not just the first, so one pass
 * over a file tells the user everything to fix. Cells are trimmed; an empty optional cell is absent.
 */
final class RowCells<C extends Enum<C> & CsvColumn> {

    /** Text cells end up in VARCHAR(255) columns downstream. */
    static final int MAX_TEXT_LENGTH = 255;

    private final CsvHeader<C> header;
    private final CsvRow row;
    private final List<RowError> errors = new ArrayList<>();
    private String rawLine;

    RowCells(CsvHeader<C> header, CsvRow row) {
        this.header = header;
        this.row = row;
        if (row.fields().size() > header.width()) {
            reject(null, "has " + row.fields().size() + " fields but the header has " + header.width());
        }
    }

    /** The trimmed cell, or null (with an error recorded) when it is missing, blank or too long. */
    String required(C column) {
        return required(column, MAX_TEXT_LENGTH);
    }

    /** As {@link #required(Enum)}, for a cell that may be longer than a text column (e.g. a JSON document). */
    String required(C column, int maxLength) {
        String value = present(column, maxLength);
        if (value != null && value.isEmpty()) {
            reject(column, "is required");
            return null;
        }
        return value;
    }

    /** The trimmed cell, or null when the column is absent from the header or the cell is empty. */
    String optional(C column) {
        if (!header.has(column)) {
            return null;
        }
        String value = present(column, MAX_TEXT_LENGTH);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The converted value, or null (with the converter's reason recorded) when {@code value} is unusable. */
    <T> T convert(C column, String value, Function<String, T> converter) {
        if (value == null) {
            return null;
        }
        try {
            return converter.apply(value);
        } catch (InvalidCellException e) {
            reject(column, e.getMessage());
            return null;
        }
    }

    void reject(C column, String reason) {
        if (rawLine == null) {
            rawLine = row.rawLine();
        }
        errors.add(new RowError(row.lineNumber(), column == null ? null : column.header(), reason, rawLine));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    List<RowError> errors() {
        return errors;
    }

    private String present(C column, int maxLength) {
        Optional<String> cell = header.cell(row.fields(), column);
        if (cell.isEmpty()) {
            reject(column, "is missing: the row has " + row.fields().size() + " fields but the header has "
                    + header.width());
            return null;
        }
        String value = cell.get().trim();
        if (value.length() > maxLength) {
            reject(column, "is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }
}
