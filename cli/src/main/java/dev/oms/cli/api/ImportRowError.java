package dev.oms.cli.api;

/** Why one CSV line was rejected. */
public record ImportRowError(long lineNumber, String column, String reason, String rawLine) {
}
