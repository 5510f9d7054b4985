package dev.oms.imports.service;

import dev.oms.imports.domain.ImportStatus;

/** How a run ended: its status, why it did not complete ({@code error}), the file's format and notes on it. */
public record ImportOutcome(ImportStatus status, String error, String format, String notes) {
}
