package dev.oms.imports.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Prepares the import directories and closes out jobs a previous process left unfinished. */
@ApplicationScoped
public class ImportStartup {

    private static final Logger LOG = Logger.getLogger(ImportStartup.class);
    static final String INTERRUPTED = "the service stopped before the import finished; submit the file again to rerun it";

    private final ImportFiles files;
    private final ImportJobStore jobs;

    public ImportStartup(ImportFiles files, ImportJobStore jobs) {
        this.files = files;
        this.jobs = jobs;
    }

    // One replica runs imports (this slice has no job leases): any PENDING or RUNNING job at start is orphaned.
    void onStart(@Observes StartupEvent event) {
        files.createDirectories();
        int orphaned = jobs.failUnfinished(INTERRUPTED);
        if (orphaned > 0) {
            LOG.warnf("Marked %d unfinished import(s) of a previous run as FAILED", orphaned);
        }
    }
}
