package dev.oms.cli.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: columns two spaces apart, text left-aligned, numbers and amounts right-aligned. */
public final class Table {

    private static final String GAP = "  ";

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    private Table(List<Column> columns) {
        this.columns = columns;
    }

    public static Table of(Column... columns) {
        return new Table(List.of(columns));
    }

    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(cell -> cell == null ? "-" : cell.toString()).toArray(String[]::new));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The header line followed by the rows, each line ending in a newline. */
    public String render() {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::header).toArray(String[]::new));
        lines.addAll(rows);
        return render(lines);
    }

    /** The rows only: for label/value blocks. */
    public String renderWithoutHeader() {
        return render(rows);
    }

    private String render(List<String[]> lines) {
        int[] widths = new int[columns.size()];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder rendered = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                if (i > 0) {
                    rendered.append(GAP);
                }
                String padding = " ".repeat(widths[i] - line[i].length());
                rendered.append(columns.get(i).rightAligned() ? padding + line[i] : line[i] + padding);
            }
            text.append(rendered.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    public record Column(String header, boolean rightAligned) {

        public static Column left(String header) {
            return new Column(header, false);
        }

        public static Column right(String header) {
            return new Column(header, true);
        }
    }
}
