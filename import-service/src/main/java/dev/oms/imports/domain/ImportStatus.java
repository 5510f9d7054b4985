package dev.oms.imports.domain;

/** Life cycle of an import job: PENDING → RUNNING → COMPLETED or FAILED. A FAILED job may be started again. */
public enum ImportStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED
}
