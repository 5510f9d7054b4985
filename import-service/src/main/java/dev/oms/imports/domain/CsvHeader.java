package dev.oms.imports.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where each column of a format sits in a file. Header names are matched case-insensitively and in any order;
 * an unknown, duplicated or missing required column makes the whole file unusable.
 */
public final class CsvHeader<C extends Enum<C> & CsvColumn> {

    private final Map<C, Integer> positions;
    private final int width;

    private CsvHeader(Map<C, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /** {@code formatName} names the format in error messages, e.g. "the canonical format". */
    public static <C extends Enum<C> & CsvColumn> CsvHeader<C> parse(List<String> names, Class<C> columns,
                                                                     String formatName) {
        Map<C, Integer> positions = new EnumMap<>(columns);
        for (int i = 0; i < names.size(); i++) {
            String name = normalize(names.get(i));
            C column = byHeader(columns, name).orElseThrow(() -> new CsvFormatException("unknown column '" + name
                    + "' in the header; " + formatName + " has " + expected(columns)));
            if (positions.putIfAbsent(column, i) != null) {
                throw new CsvFormatException("column '" + name + "' appears twice in the header");
            }
        }
        List<String> missing = new ArrayList<>();
        for (C column : EnumSet.allOf(columns)) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new CsvFormatException("the header lacks the required column(s) " + String.join(", ", missing)
                    + "; " + formatName + " has " + expected(columns));
        }
        return new CsvHeader<>(positions, names.size());
    }

    /** A header cell as matched against column names: trimmed and lower-cased. */
    public static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** The format's columns as a header line, optional ones in brackets. */
    public static <C extends Enum<C> & CsvColumn> String expected(Class<C> columns) {
        return EnumSet.allOf(columns).stream()
                .map(c -> c.required() ? c.header() : "[" + c.header() + "]")
                .collect(Collectors.joining(","));
    }

    /** Number of columns every row must have. */
    public int width() {
        return width;
    }

    public boolean has(C column) {
        return positions.containsKey(column);
    }

    /** The column's cell in {@code fields}; empty when the header has no such column or the row is too short. */
    public Optional<String> cell(List<String> fields, C column) {
        Integer position = positions.get(column);
        return position == null || position >= fields.size() ? Optional.empty() : Optional.of(fields.get(position));
    }

    private static <C extends Enum<C> & CsvColumn> Optional<C> byHeader(Class<C> columns, String name) {
        return EnumSet.allOf(columns).stream().filter(c -> c.header().equals(name)).findFirst();
    }
}
