package dev.oms.imports.service;

import dev.oms.imports.domain.ImportJob;
import dev.oms.imports.domain.ImportProgress;
import dev.oms.imports.domain.ImportRequest;
import dev.oms.imports.domain.ImportRowError;
import dev.oms.imports.domain.ImportStatus;
import dev.oms.imports.domain.RowError;
import dev.oms.platform.ids.Uuids;
import dev.oms.platform.rest.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Import jobs and their row errors; each method is one transaction. */
@ApplicationScoped
@Transactional
public class ImportJobStore {

    private static final List<ImportStatus> UNFINISHED = List.of(ImportStatus.PENDING, ImportStatus.RUNNING);
    private static final List<ImportStatus> RESUMABLE = List.of(ImportStatus.FAILED, ImportStatus.CANCELLED);

    /** One page of jobs, newest first, with the total count. */
    public record JobPage(List<ImportJob> jobs, long total) {
    }

    /** Inserts a PENDING job; a real import fails with a constraint violation if one exists for this content. */
    public ImportJob create(ImportRequest request, ImportSource source) {
        ImportJob job = ImportJob.pending(Uuids.timeOrdered(), request, Instant.now());
        job.sourcePath = source.path().toString();
        job.sourceOwned = source.owned();
        job.persistAndFlush();
        return job;
    }

    public Optional<ImportJob> findImportOf(String sha256) {
        return ImportJob.findImportOf(sha256);
    }

    public ImportJob get(UUID id) {
        return ImportJob.<ImportJob>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("import", id));
    }

    public JobPage list(int page, int size) {
        List<ImportJob> jobs = ImportJob.<ImportJob>findAll(Sort.descending("createdAt", "id"))
                .page(Page.of(page, size)).list();
        return new JobPage(jobs, ImportJob.count());
    }

    /** The jobs a previous process left PENDING or RUNNING. */
    public List<ImportJob> unfinished() {
        return ImportJob.list("status in ?1", Sort.ascending("createdAt"), UNFINISHED);
    }

    /** The job's row errors in line order; 404 if the job does not exist. */
    public List<ImportRowError> errors(UUID jobId, int page, int size) {
        get(jobId);
        return ImportRowError.<ImportRowError>find("jobId", Sort.ascending("lineNumber", "seq"), jobId)
                .page(Page.of(page, size)).list();
    }

    /** Up to {@code limit} row errors after (line, seq) in line order: pages through millions without OFFSET. */
    public List<ImportRowError> errorsAfter(UUID jobId, long line, long seq, int limit) {
        return ImportRowError.<ImportRowError>find("jobId = ?1 and (lineNumber > ?2 or (lineNumber = ?2 and seq > ?3))",
                Sort.ascending("lineNumber", "seq"), jobId, line, seq).page(Page.ofSize(limit)).list();
    }

    /**
     * Puts a FAILED or CANCELLED job back to PENDING to read {@code source} (the same content) again; it resumes
     * after its checkpoint. Returns false when the job is not resumable (any more): a concurrent submission took it.
     */
    public boolean resubmit(UUID id, ImportSource source, long maxRejectedRows) {
        return ImportJob.update("status = ?1, fileName = ?2, sourcePath = ?3, sourceOwned = ?4, maxRejectedRows = ?5, "
                        + "cancelRequested = false, finishedAt = null, error = null where id = ?6 and status in ?7",
                ImportStatus.PENDING, source.fileName(), source.path().toString(), source.owned(), maxRejectedRows, id,
                RESUMABLE) > 0;
    }

    /** Records that the import must stop; false when it already ended. */
    public boolean requestCancel(UUID id) {
        return ImportJob.update("cancelRequested = true where id = ?1 and status in ?2", id, UNFINISHED) > 0;
    }

    /** Ends a job no run of this process holds (e.g. left over by a stopped one) as CANCELLED. */
    public void cancelIdle(UUID id, String reason) {
        ImportJob.update("status = ?1, error = ?2, finishedAt = ?3, sourcePath = null where id = ?4 and status in ?5",
                ImportStatus.CANCELLED, reason, Instant.now(), id, UNFINISHED);
    }

    /** Saves the format once the header told it, so a running job shows it. */
    public void recordFormat(UUID id, String format) {
        ImportJob.update("format = ?1 where id = ?2", format, id);
    }

    /** Starts a run: RUNNING from now, with the errors of any earlier run forgotten (the run finds them again). */
    public ImportJob markRunning(UUID id) {
        ImportJob.update("status = ?1, startedAt = ?2 where id = ?3", ImportStatus.RUNNING, Instant.now(), id);
        ImportRowError.delete("jobId", id);
        return get(id);
    }

    /** Saves the counters and the errors found since the last call. */
    public void recordProgress(UUID id, ImportProgress progress, RowErrorBatch errors) {
        // The counters alone: a cancel recorded meanwhile by a request must not be written back over.
        ImportJob.update("rowsRead = ?1, ordersValid = ?2, ordersPublished = ?3, ordersRejected = ?4, rowsRejected = ?5, "
                        + "bytesRead = ?6, checkpoint = ?7, runMillis = ?8 where id = ?9",
                progress.rowsRead(), progress.ordersValid(), progress.ordersPublished(), progress.ordersRejected(),
                progress.rowsRejected(), progress.bytesRead(), progress.checkpoint(), progress.runMillis(), id);
        persistErrors(id, errors);
    }

    /** Ends the run; the job no longer needs its file. */
    public void finish(UUID id, ImportOutcome outcome, ImportProgress progress, RowErrorBatch errors) {
        ImportJob job = get(id);
        job.record(progress);
        job.status = outcome.status();
        job.error = outcome.error();
        job.format = outcome.format();
        job.notes = outcome.notes();
        job.finishedAt = Instant.now();
        job.sourcePath = null;
        persistErrors(id, errors);
    }

    /** Ends a job that cannot run (e.g. its file is gone). */
    public void fail(UUID id, String reason) {
        ImportJob job = get(id);
        job.status = ImportStatus.FAILED;
        job.error = reason;
        job.finishedAt = Instant.now();
        job.sourcePath = null;
    }

    private static void persistErrors(UUID jobId, RowErrorBatch batch) {
        List<RowError> errors = batch.errors();
        for (int i = 0; i < errors.size(); i++) {
            ImportRowError.of(jobId, batch.firstSeq() + i, errors.get(i)).persist();
        }
    }
}
