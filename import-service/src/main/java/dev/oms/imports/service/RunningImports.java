package dev.oms.imports.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The imports this process has queued or is running, each with its cancel flag, which the run checks after every
 * row. (One replica runs imports, as the job table has no leases.)
 */
@ApplicationScoped
public class RunningImports {

    private final Map<UUID, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();

    /** Registers a queued run; the returned flag tells it whether it was cancelled. */
    AtomicBoolean register(UUID jobId) {
        AtomicBoolean flag = new AtomicBoolean();
        cancelFlags.put(jobId, flag);
        return flag;
    }

    /** Forgets this run's flag, not one a later run of the same job registered meanwhile. */
    void unregister(UUID jobId, AtomicBoolean flag) {
        cancelFlags.remove(jobId, flag);
    }

    /** Asks the run of this job to stop; false when this process does not run it. */
    public boolean cancel(UUID jobId) {
        AtomicBoolean flag = cancelFlags.get(jobId);
        if (flag == null) {
            return false;
        }
        flag.set(true);
        return true;
    }
}
