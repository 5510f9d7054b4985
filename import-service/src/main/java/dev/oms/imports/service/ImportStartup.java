package dev.oms.imports.service;

import dev.oms.imports.domain.ImportJob;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares the import directories and resumes the jobs a previous process left unfinished, after their
 * checkpoints. A job whose file is gone or changed cannot resume and is failed; one a user cancelled is ended
 * CANCELLED.
 */
@ApplicationScoped
public class ImportStartup {

    private static final Logger LOG = Logger.getLogger(ImportStartup.class);
    static final String FILE_GONE = "the service stopped before the import finished and its file is gone or changed; "
            + "submit the file again to resume it";

    private final ImportFiles files;
    private final ImportJobStore jobs;
    private final ImportSubmissions submissions;

    public ImportStartup(ImportFiles files, ImportJobStore jobs, ImportSubmissions submissions) {
        this.files = files;
        this.jobs = jobs;
        this.submissions = submissions;
    }

    // One replica runs imports (this slice has no job leases): any PENDING or RUNNING job at start is orphaned.
    void onStart(@Observes StartupEvent event) {
        files.createDirectories();
        for (ImportJob job : jobs.unfinished()) {
            if (job.cancelRequested) {
                LOG.infof("Import %s of %s was cancelled before the service stopped: not resuming it", job.id, job.fileName);
                jobs.cancelIdle(job.id, "cancelled; the service stopped before the import did");
                if (job.sourcePath != null) {
                    files.release(ImportSource.of(job));
                }
            } else if (sameFile(job)) {
                LOG.infof("Resuming import %s of %s after checkpoint %d", job.id, job.fileName, job.checkpoint);
                submissions.resume(job, ImportSource.of(job));
            } else {
                LOG.warnf("Import %s of %s cannot resume: %s", job.id, job.fileName, FILE_GONE);
                jobs.fail(job.id, FILE_GONE);
            }
        }
    }

    private boolean sameFile(ImportJob job) {
        if (job.sourcePath == null) {
            return false;
        }
        Path file = Path.of(job.sourcePath);
        try {
            return Files.isRegularFile(file) && files.sha256(file).equals(job.sha256);
        } catch (IOException e) {
            LOG.warnf(e, "Cannot read %s", file);
            return false;
        }
    }
}
