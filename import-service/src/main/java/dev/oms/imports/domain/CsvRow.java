package dev.oms.imports.domain;

import java.util.List;

/** One record of the file with the line it starts on (the header is line 1). */
public record CsvRow(long lineNumber, List<String> fields) {

    public CsvRow {
        fields = List.copyOf(fields);
    }

    /** An empty line (or one holding only spaces). */
    public boolean blank() {
        return fields.size() == 1 && fields.get(0).isBlank();
    }

    /** The record written back as one CSV line, for error reports; very long records are cut. */
    public String rawLine() {
        return CsvText.line(fields);
    }
}
