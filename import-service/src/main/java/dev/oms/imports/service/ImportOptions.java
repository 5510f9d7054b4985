package dev.oms.imports.service;

/**
 * How a submission wants its file handled: {@code dryRun} validates only (nothing is published, and the content
 * can still be imported later); {@code maxRejectedRows} overrides the configured tolerance when not null.
 */
public record ImportOptions(boolean dryRun, Long maxRejectedRows) {

    public static final ImportOptions DEFAULT = new ImportOptions(false, null);
}
