package dev.oms.imports.service;

import dev.oms.imports.config.ImportConfig;
import dev.oms.imports.domain.ImportJob;
import dev.oms.imports.domain.ImportRequest;
import dev.oms.imports.domain.ImportStatus;
import dev.oms.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Accepts files for import, resumes and cancels imports. A file whose content (SHA-256) was imported before is a
 * duplicate and starts nothing; only a FAILED or CANCELLED import of the same content runs again, resuming after
 * its checkpoint (its event ids are the same, so anything re-sent is recognised downstream). Dry runs only
 * validate, so they never count as the import of their content.
 */
@ApplicationScoped
public class ImportSubmissions {

    static final int MAX_FILE_NAME_LENGTH = 255;
    static final String CANCELLED_IDLE = "cancelled before it ran";
    private static final String DEFAULT_FILE_NAME = "upload.csv";

    private final ImportJobStore jobs;
    private final ImportFiles files;
    private final ImportProcessor processor;
    private final ImportWorkers workers;
    private final RunningImports running;
    private final long defaultMaxRejectedRows;

    public ImportSubmissions(ImportJobStore jobs, ImportFiles files, ImportProcessor processor, ImportWorkers workers,
                             RunningImports running, ImportConfig config) {
        this.jobs = jobs;
        this.files = files;
        this.processor = processor;
        this.workers = workers;
        this.running = running;
        this.defaultMaxRejectedRows = config.maxRejectedRows();
    }

    /** Imports a request body, stored while it is hashed; {@code field} names the body for error messages. */
    public Submission upload(InputStream content, String fileName, String field, ImportOptions options) {
        try {
            return submitStaged(files.stage(content), fileName, field, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
    }

    /** Imports a multipart part already on disk; {@code field} names the part for error messages. */
    public Submission uploaded(Path part, String fileName, String field, ImportOptions options) {
        try {
            return submitStaged(files.adopt(part), fileName, field, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
    }

    private Submission submitStaged(ImportFiles.StagedFile staged, String fileName, String field, ImportOptions options) {
        if (staged.size() == 0) {
            files.deleteQuietly(staged.path());
            throw ProblemException.badRequest(field, "the uploaded file is empty");
        }
        return submit(new ImportSource(staged.path(), displayName(fileName), staged.sha256(), true), options);
    }

    /** Imports a file of the import directory in place; the job is named by the path as given. */
    public Submission fromPath(String path, ImportOptions options) {
        Path file = files.resolveInImportDirectory(path);
        try {
            return submit(new ImportSource(file, truncate(path.trim()), files.sha256(file), false), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Runs again a job the previous process left unfinished, after its checkpoint. */
    public void resume(ImportJob job, ImportSource source) {
        start(job.id, source);
    }

    /**
     * Asks a PENDING or RUNNING import to stop (for good: it is not resumed after a restart either); 409 when it
     * already ended. A job no run of this process holds ends CANCELLED at once.
     */
    public ImportJob cancel(UUID id) {
        if (!jobs.requestCancel(id)) {
            ImportJob job = jobs.get(id);
            throw ProblemException.conflict("import " + id + " already ended: it is " + job.status,
                    Map.of("status", job.status.name()));
        }
        if (!running.cancel(id)) {
            ImportJob idle = jobs.get(id);
            jobs.cancelIdle(id, CANCELLED_IDLE);
            if (idle.sourcePath != null) {
                files.release(ImportSource.of(idle));
            }
        }
        return jobs.get(id);
    }

    /** Starts (or finds) the job for {@code source}; a staged upload no job took is deleted, whatever happens. */
    private Submission submit(ImportSource source, ImportOptions options) {
        try {
            Submission submission = createOrFind(source, options);
            if (submission.duplicate()) {
                files.release(source);
            }
            return submission;
        } catch (RuntimeException e) {
            files.release(source);
            throw e;
        }
    }

    private Submission createOrFind(ImportSource source, ImportOptions options) {
        long size;
        try {
            size = Files.size(source.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.path(), e);
        }
        long maxRejectedRows = options.maxRejectedRows() == null ? defaultMaxRejectedRows : options.maxRejectedRows();
        ImportRequest request = new ImportRequest(source.fileName(), source.sha256(), size, options.dryRun(),
                maxRejectedRows);
        if (!request.dryRun()) {
            Optional<ImportJob> existing = jobs.findImportOf(source.sha256());
            if (existing.isPresent()) {
                return resubmit(existing.get(), source, maxRejectedRows);
            }
        }
        ImportJob job;
        try {
            job = jobs.create(request, source);
        } catch (PersistenceException e) {
            // A concurrent submission of the same content created the job first (only real imports are unique).
            Optional<ImportJob> winner = request.dryRun() ? Optional.empty() : jobs.findImportOf(source.sha256());
            return new Submission(winner.orElseThrow(() -> e), true);
        }
        start(job.id, source);
        return new Submission(job, false);
    }

    private Submission resubmit(ImportJob existing, ImportSource source, long maxRejectedRows) {
        boolean resumable = existing.status == ImportStatus.FAILED || existing.status == ImportStatus.CANCELLED;
        if (resumable && jobs.resubmit(existing.id, source, maxRejectedRows)) {
            start(existing.id, source);
            return new Submission(jobs.get(existing.id), false);
        }
        return new Submission(existing, true);
    }

    private void start(UUID jobId, ImportSource source) {
        AtomicBoolean cancelled = running.register(jobId);
        workers.execute(() -> {
            try {
                processor.run(jobId, source, cancelled);
            } finally {
                running.unregister(jobId, cancelled);
            }
        });
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
