package dev.oms.imports.service;

import dev.oms.imports.domain.ImportJob;

/** The job a submitted file belongs to; {@code duplicate} when that content was imported already. */
public record Submission(ImportJob job, boolean duplicate) {
}
