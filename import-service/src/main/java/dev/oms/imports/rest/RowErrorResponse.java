package dev.oms.imports.rest;

import dev.oms.imports.domain.ImportRowError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RowError", description = "Why a row of the file was not imported")
public record RowErrorResponse(
        @Schema(description = "Line of the file the row starts on; the header is line 1")
        long lineNumber,
        @Schema(description = "The offending column, absent when the problem is the whole row")
        String column,
        String reason,
        @Schema(description = "The row as read, written back as CSV")
        String rawLine) {

    public static RowErrorResponse of(ImportRowError error) {
        return new RowErrorResponse(error.lineNumber, error.columnName, error.reason, error.rawLine);
    }
}
