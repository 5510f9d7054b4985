package dev.oms.imports.service;

import dev.oms.imports.domain.ImportJob;

import java.nio.file.Path;

/** A file to import. {@code owned}: the file is our staged copy of an upload, deleted when its import ends. */
public record ImportSource(Path path, String fileName, String sha256, boolean owned) {

    /** The file a job that has not ended reads. */
    static ImportSource of(ImportJob job) {
        return new ImportSource(Path.of(job.sourcePath), job.fileName, job.sha256, job.sourceOwned);
    }
}
