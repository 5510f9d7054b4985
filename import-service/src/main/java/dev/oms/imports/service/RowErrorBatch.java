package dev.oms.imports.service;

import dev.oms.imports.domain.RowError;

import java.util.List;

/** Row errors found since the last write, numbered in the job's report from {@code firstSeq} on. */
public record RowErrorBatch(long firstSeq, List<RowError> errors) {
}
