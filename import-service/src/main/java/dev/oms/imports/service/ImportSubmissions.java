package dev.oms.imports.service;

import dev.oms.imports.domain.ImportJob;
import dev.oms.imports.domain.ImportStatus;
import dev.oms.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Accepts files for import. A file whose content (SHA-256) was imported before is a duplicate and starts nothing;
 * only a FAILED import of the same content is run again (its event ids are the same, so re-sent orders are
 * recognised downstream).
 */
@ApplicationScoped
public class ImportSubmissions {

    static final int MAX_FILE_NAME_LENGTH = 255;
    private static final String DEFAULT_FILE_NAME = "upload.csv";

    private final ImportJobStore jobs;
    private final ImportFiles files;
    private final ImportProcessor processor;
    private final ImportWorkers workers;

    public ImportSubmissions(ImportJobStore jobs, ImportFiles files, ImportProcessor processor, ImportWorkers workers) {
        this.jobs = jobs;
        this.files = files;
        this.processor = processor;
        this.workers = workers;
    }

    /** Imports uploaded content; {@code field} names the request part or body for error messages. */
    public Submission upload(InputStream content, String fileName, String field) {
        ImportFiles.StagedFile staged;
        try {
            staged = files.stage(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
        if (staged.size() == 0) {
            files.deleteQuietly(staged.path());
            throw ProblemException.badRequest(field, "the uploaded file is empty");
        }
        return submit(new ImportSource(staged.path(), displayName(fileName), staged.sha256(), true));
    }

    /** Imports a file of the import directory in place; the job is named by the path as given. */
    public Submission fromPath(String path) {
        Path file = files.resolveInImportDirectory(path);
        try {
            return submit(new ImportSource(file, truncate(path.trim()), files.sha256(file), false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private Submission submit(ImportSource source) {
        Optional<ImportJob> existing = jobs.findBySha256(source.sha256());
        if (existing.isPresent()) {
            return resubmit(existing.get(), source);
        }
        ImportJob job;
        try {
            job = jobs.create(source.fileName(), source.sha256());
        } catch (PersistenceException e) {
            // A concurrent submission of the same content created the job first.
            ImportJob winner = jobs.findBySha256(source.sha256()).orElseThrow(() -> e);
            files.release(source);
            return new Submission(winner, true);
        }
        start(job, source);
        return new Submission(job, false);
    }

    private Submission resubmit(ImportJob existing, ImportSource source) {
        if (existing.status == ImportStatus.FAILED && jobs.restart(existing.id, source.fileName())) {
            ImportJob restarted = jobs.get(existing.id);
            start(restarted, source);
            return new Submission(restarted, false);
        }
        files.release(source);
        return new Submission(existing, true);
    }

    private void start(ImportJob job, ImportSource source) {
        workers.execute(() -> processor.run(job.id, source));
    }

    /** The last path segment, as clients may send full local paths as multipart file names. */
    static String displayName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return DEFAULT_FILE_NAME;
        }
        String name = fileName.trim();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.isEmpty() ? DEFAULT_FILE_NAME : truncate(name);
    }

    private static String truncate(String name) {
        return name.length() <= MAX_FILE_NAME_LENGTH ? name : name.substring(0, MAX_FILE_NAME_LENGTH);
    }
}
