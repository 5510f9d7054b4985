package dev.oms.imports.domain;

import java.util.List;

/** Writes fields back as CSV text, quoting where needed, so an error report shows the record as it was read. */
public final class CsvText {

    /** Longer records are cut: the report is for a human, and a 10 MB cell must not end up in the database. */
    static final int MAX_LENGTH = 2000;

    private CsvText() {
    }

    public static String line(List<String> fields) {
        String line = join(fields, MAX_LENGTH);
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…";
    }

    /** The fields as one CSV record, whole. */
    public static String record(List<String> fields) {
        return join(fields, Integer.MAX_VALUE);
    }

    /** The fields as CSV, stopping once past {@code maxLength} (the rest would be cut anyway). */
    private static String join(List<String> fields, int maxLength) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size() && line.length() <= maxLength; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, fields.get(i));
        }
        return line.toString();
    }

    private static void appendField(StringBuilder line, String field) {
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        if (!quote) {
            line.append(field);
            return;
        }
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
    }
}
