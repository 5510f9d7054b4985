package dev.oms.platform.housekeeping;

import dev.oms.platform.config.HousekeepingConfig;
import dev.oms.platform.lifecycle.ShutdownSignal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Prunes the service's outbox, applied-event records and idempotency keys after the retention window. Replicas
 * may prune at the same time: each batch deletes what is still there.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final List<PrunedTable> tables;
    private final Instance<AgroalDataSource> dataSource;
    private final HousekeepingConfig config;
    private final ShutdownSignal shutdown;

    public Housekeeping(Instance<PrunedTable> tables, Instance<AgroalDataSource> dataSource, HousekeepingConfig config,
                        ShutdownSignal shutdown) {
        this.tables = tables.stream().toList();
        this.dataSource = dataSource;
        this.config = config;
        this.shutdown = shutdown;
    }

    @Scheduled(every = "${oms.housekeeping.interval}", delayed = "${oms.housekeeping.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        if (shutdown.stopping()) {
            return;
        }
        try {
            prune(Instant.now().minus(config.retention()));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Housekeeping failed; trying again at the next interval", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes every pruned table's rows older than {@code cutoff}; returns how many in all. */
    public long prune(Instant cutoff) throws SQLException, InterruptedException {
        if (tables.isEmpty()) {
            return 0;
        }
        TablePruner pruner = new TablePruner(dataSource.get(), config.batchSize(), config.pause());
        long total = 0;
        for (PrunedTable table : tables) {
            long deleted = pruner.prune(table, cutoff);
            if (deleted > 0) {
                LOG.infof("Housekeeping deleted %d row(s) of %s older than %s", deleted, table.table(), cutoff);
            }
            total += deleted;
        }
        return total;
    }
}
