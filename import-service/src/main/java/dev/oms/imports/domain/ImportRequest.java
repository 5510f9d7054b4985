package dev.oms.imports.domain;

/**
 * What a submission asks for: the file (by name and content hash), whether to only validate it, and how many
 * rejected rows the import tolerates before it gives up.
 */
public record ImportRequest(String fileName, String sha256, long fileSize, boolean dryRun, long maxRejectedRows) {
}
