package dev.oms.imports.rest;

import java.util.List;

/** One page of import jobs, newest first. */
public record ImportJobPage(List<ImportJobResponse> items, int page, int size, long total) {
}
