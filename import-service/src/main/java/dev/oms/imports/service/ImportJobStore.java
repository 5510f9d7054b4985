package dev.oms.imports.service;

import dev.oms.imports.domain.ImportJob;
import dev.oms.imports.domain.ImportProgress;
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

    /** One page of jobs, newest first, with the total count. */
    public record JobPage(List<ImportJob> jobs, long total) {
    }

    /** Inserts a PENDING job; fails with a constraint violation if a job for this content exists. */
    public ImportJob create(String fileName, String sha256) {
        ImportJob job = ImportJob.pending(Uuids.timeOrdered(), fileName, sha256, Instant.now());
        job.persistAndFlush();
        return job;
    }

    public Optional<ImportJob> findBySha256(String sha256) {
        return ImportJob.findBySha256(sha256);
    }

    public ImportJob get(UUID id) {
        return ImportJob.<ImportJob>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("import", id));
    }

    public JobPage list(int page, int size) {
        List<ImportJob> jobs = ImportJob.<ImportJob>findAll(Sort.descending("createdAt", "id"))
                .page(Page.of(page, size)).list();
        return new JobPage(jobs, ImportJob.count());
    }

    /** The job's row errors in line order; 404 if the job does not exist. */
    public List<ImportRowError> errors(UUID jobId, int page, int size) {
        get(jobId);
        return ImportRowError.<ImportRowError>find("jobId", Sort.ascending("lineNumber", "seq"), jobId)
                .page(Page.of(page, size)).list();
    }

    /**
     * Puts a FAILED job back to PENDING, forgetting its counts and errors, for another run over the same content.
     * Returns false when the job is not FAILED (any more): a concurrent submission restarted it first.
     */
    public boolean restart(UUID id, String fileName) {
        int restarted = ImportJob.update("status = ?1, fileName = ?2, rowsRead = 0, ordersPublished = 0, "
                        + "ordersRejected = 0, rowsRejected = 0, startedAt = null, finishedAt = null, error = null "
                        + "where id = ?3 and status = ?4",
                ImportStatus.PENDING, fileName, id, ImportStatus.FAILED);
        if (restarted == 0) {
            return false;
        }
        ImportRowError.delete("jobId", id);
        return true;
    }

    public void markRunning(UUID id) {
        ImportJob job = get(id);
        job.status = ImportStatus.RUNNING;
        job.startedAt = Instant.now();
    }

    /** Saves the counters and the errors found since the last call. */
    public void recordProgress(UUID id, ImportProgress progress, RowErrorBatch errors) {
        get(id).record(progress);
        persistErrors(id, errors);
    }

    /** Ends the job as COMPLETED, or FAILED when {@code error} is given. */
    public void finish(UUID id, ImportProgress progress, RowErrorBatch errors, String error) {
        ImportJob job = get(id);
        job.record(progress);
        job.status = error == null ? ImportStatus.COMPLETED : ImportStatus.FAILED;
        job.error = error;
        job.finishedAt = Instant.now();
        persistErrors(id, errors);
    }

    /** Fails the jobs a previous process left unfinished; returns how many. */
    public int failUnfinished(String reason) {
        return ImportJob.update("status = ?1, error = ?2, finishedAt = ?3 where status in ?4",
                ImportStatus.FAILED, reason, Instant.now(), List.of(ImportStatus.PENDING, ImportStatus.RUNNING));
    }

    private static void persistErrors(UUID jobId, RowErrorBatch batch) {
        List<RowError> errors = batch.errors();
        for (int i = 0; i < errors.size(); i++) {
            ImportRowError.of(jobId, batch.firstSeq() + i, errors.get(i)).persist();
        }
    }
}
