package dev.oms.imports.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record FromPathRequest(
        @Schema(description = "File to import, relative to the import directory (oms.imports.directory)",
                examples = "orders.csv", required = true)
        @Size(max = 1024) String path) {
}
