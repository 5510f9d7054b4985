package dev.oms.imports.service;

import dev.oms.imports.domain.ImportJob;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A job's state as a stream for Server-Sent Events: read from the job table (so any replica can serve it) every
 * {@code interval}, until the job ends; the last item is the ended job.
 */
@ApplicationScoped
public class ProgressFeed {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final ImportJobStore jobs;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "import-progress-feed");
        thread.setDaemon(true);
        return thread;
    });

    public ProgressFeed(ImportJobStore jobs) {
        this.jobs = jobs;
    }

    /** The job's states mapped by {@code view}; 404 (before any item) when there is no such job. */
    public <T> Multi<T> follow(UUID jobId, Function<ImportJob, T> view) {
        jobs.get(jobId);
        return Multi.createFrom().emitter(emitter -> {
            ScheduledFuture<?> polling = poller.scheduleWithFixedDelay(() -> {
                if (emitter.isCancelled()) {
                    return;
                }
                try {
                    ImportJob job = jobs.get(jobId);
                    emitter.emit(view.apply(job));
                    if (job.status.ended()) {
                        emitter.complete();
                    }
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            }, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> polling.cancel(false));
        });
    }

    void stop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
    }
}
