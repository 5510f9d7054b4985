package dev.oms.imports.domain;

/**
 * Life cycle of an import job: PENDING → RUNNING → COMPLETED, FAILED or CANCELLED. A job interrupted by a stop of
 * the service resumes when it starts again; a FAILED or CANCELLED one resumes when its file is submitted again.
 */
public enum ImportStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
