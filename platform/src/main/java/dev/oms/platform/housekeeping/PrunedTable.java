package dev.oms.platform.housekeeping;

import java.util.regex.Pattern;

/**
 * A table whose rows are deleted once {@code timeColumn} is older than the retention window (rows where it is
 * NULL, like unpublished outbox rows, are kept). Services declare theirs as CDI beans.
 */
public record PrunedTable(String table, String timeColumn) {

    // Both names are written into SQL: only plain identifiers are accepted.
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public PrunedTable {
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(timeColumn).matches()) {
            throw new IllegalArgumentException("not a plain table/column name: " + table + "." + timeColumn);
        }
    }
}
