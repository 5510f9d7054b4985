package dev.oms.imports.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where each canonical column sits in a file. Header names are matched case-insensitively and in any order;
 * an unknown, duplicated or missing required column makes the whole file unusable.
 */
public final class CanonicalHeader {

    private final Map<CanonicalColumn, Integer> positions;
    private final int width;

    private CanonicalHeader(Map<CanonicalColumn, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    public static CanonicalHeader parse(List<String> names) {
        Map<CanonicalColumn, Integer> positions = new EnumMap<>(CanonicalColumn.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT);
            CanonicalColumn column = CanonicalColumn.byHeader(name).orElseThrow(() -> new CsvFormatException(
                    "unknown column '" + name + "' in the header; the canonical format has " + expected()));
            if (positions.putIfAbsent(column, i) != null) {
                throw new CsvFormatException("column '" + name + "' appears twice in the header");
            }
        }
        List<String> missing = new ArrayList<>();
        for (CanonicalColumn column : CanonicalColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new CsvFormatException("the header lacks the required column(s) " + String.join(", ", missing)
                    + "; the canonical format has " + expected());
        }
        return new CanonicalHeader(positions, names.size());
    }

    /** Number of columns every row must have. */
    public int width() {
        return width;
    }

    public boolean has(CanonicalColumn column) {
        return positions.containsKey(column);
    }

    /** The column's cell in {@code fields}; empty when the header has no such column or the row is too short. */
    public Optional<String> cell(List<String> fields, CanonicalColumn column) {
        Integer position = positions.get(column);
        return position == null || position >= fields.size() ? Optional.empty() : Optional.of(fields.get(position));
    }

    private static String expected() {
        return Arrays.stream(CanonicalColumn.values())
                .map(c -> c.required() ? c.header() : "[" + c.header() + "]")
                .collect(Collectors.joining(","));
    }
}
