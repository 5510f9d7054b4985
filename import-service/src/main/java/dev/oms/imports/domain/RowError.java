package dev.oms.imports.domain;

/** Why a row was rejected; {@code column} is null when the problem is not one cell (e.g. the row's width). */
public record RowError(long lineNumber, String column, String reason, String rawLine) {
}
