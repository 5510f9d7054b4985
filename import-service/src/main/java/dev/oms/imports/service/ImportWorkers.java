package dev.oms.imports.service;

import dev.oms.imports.config.ImportConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The few threads imports run on, off the HTTP workers: an upload is answered as soon as its job exists. */
@ApplicationScoped
public class ImportWorkers {

    private static final Logger LOG = Logger.getLogger(ImportWorkers.class);

    private final ExecutorService executor;

    public ImportWorkers(ImportConfig config) {
        this.executor = Executors.newFixedThreadPool(config.workers(), namedThreads());
    }

    public void execute(Runnable task) {
        executor.execute(task);
    }

    // Before the Kafka producer closes (priority 5000): running imports are interrupted and save their checkpoint.
    void stop(@Observes @Priority(4000) ShutdownEvent event) throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Imports still running at shutdown; they resume from their last checkpoint at the next start");
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "import-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
