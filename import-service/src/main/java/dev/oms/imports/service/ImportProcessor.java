package dev.oms.imports.service;

import dev.oms.imports.config.ImportConfig;
import dev.oms.imports.domain.AcceptedOrder;
import dev.oms.imports.domain.AssembledOrder;
import dev.oms.imports.domain.CanonicalHeader;
import dev.oms.imports.domain.CsvFormatException;
import dev.oms.imports.domain.CsvRow;
import dev.oms.imports.domain.CsvRowReader;
import dev.oms.imports.domain.ImportEventIds;
import dev.oms.imports.domain.ImportProgress;
import dev.oms.imports.domain.OrderAssembler;
import dev.oms.imports.domain.RejectedOrder;
import dev.oms.imports.domain.RowError;
import dev.oms.imports.domain.ShopCurrency;
import dev.oms.imports.messaging.OrderRequestPublisher;
import dev.oms.imports.messaging.PublishFailedException;
import dev.oms.imports.messaging.PublishSession;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one import: streams the file row by row, groups rows into orders, publishes the valid ones and records
 * the rejected rows. The job row is updated every {@code progress-interval} rows, not per row. The job is
 * COMPLETED only once Kafka acknowledged every record; any failed send fails it.
 */
@ApplicationScoped
public class ImportProcessor {

    private static final Logger LOG = Logger.getLogger(ImportProcessor.class);

    private final ImportJobStore jobs;
    private final ImportFiles files;
    private final OrderRequestPublisher publisher;
    private final ShopCurrency currency;
    private final int progressInterval;
    // Their rate is the import's rows/s on /q/metrics.
    private final Counter rowsRead;
    private final Counter rowsRejected;

    public ImportProcessor(ImportJobStore jobs, ImportFiles files, OrderRequestPublisher publisher, ImportConfig config,
                           MeterRegistry registry) {
        this.rowsRead = Counter.builder("oms.import.rows").description("CSV rows read by imports")
                .tag("result", "read").register(registry);
        this.rowsRejected = Counter.builder("oms.import.rows").description("CSV rows read by imports")
                .tag("result", "rejected").register(registry);
        this.jobs = jobs;
        this.files = files;
        this.publisher = publisher;
        this.currency = ShopCurrency.of(config.currency());
        this.progressInterval = config.progressInterval();
    }

    public void run(UUID jobId, ImportSource source) {
        try {
            process(jobId, source);
        } finally {
            files.release(source);
        }
    }

    private void process(UUID jobId, ImportSource source) {
        jobs.markRunning(jobId);
        Tally tally = new Tally();
        PublishSession session = publisher.open();
        try (CsvRowReader reader = CsvRowReader.open(source.path())) {
            CsvRow header = reader.next().orElseThrow(() -> new CsvFormatException("the file is empty"));
            OrderAssembler assembler = new OrderAssembler(CanonicalHeader.parse(header.fields()), currency, jobId);
            for (Optional<CsvRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                tally.rowsRead++;
                rowsRead.increment();
                for (AssembledOrder order : assembler.accept(row.get())) {
                    handle(order, source, session, tally);
                }
                if (tally.rowsRead % progressInterval == 0) {
                    jobs.recordProgress(jobId, tally.progress(session), tally.takeErrors());
                }
            }
            Optional<AssembledOrder> last = assembler.finish();
            if (last.isPresent()) {
                handle(last.get(), source, session, tally);
            }
            session.awaitAcknowledged();
            jobs.finish(jobId, tally.progress(session), tally.takeErrors(), null);
            LOG.infof("Import %s of %s completed: %s", jobId, source.fileName(), tally.progress(session));
        } catch (InterruptedException e) {
            fail(jobId, tally, session, "the import was interrupted because the service is stopping", false);
            Thread.currentThread().interrupt();
        } catch (CsvFormatException | PublishFailedException e) {
            fail(jobId, tally, session, e.getMessage(), true);
        } catch (Exception e) {
            LOG.errorf(e, "Import %s of %s failed unexpectedly", jobId, source.fileName());
            fail(jobId, tally, session, e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
    }

    private void handle(AssembledOrder order, ImportSource source, PublishSession session, Tally tally)
            throws InterruptedException {
        if (order instanceof AcceptedOrder accepted) {
            session.publish(ImportEventIds.eventId(source.sha256(), accepted.ordinal()), accepted.order());
        } else if (order instanceof RejectedOrder rejected) {
            tally.ordersRejected += rejected.externalOrderId() == null ? 0 : 1;
            tally.rowsRejected += rejected.rowCount();
            rowsRejected.increment(rejected.rowCount());
            tally.errors.addAll(rejected.errors());
        }
    }

    private void fail(UUID jobId, Tally tally, PublishSession session, String error, boolean drain) {
        if (drain) {
            try {
                // Let the sends in flight settle so the published count is final.
                session.drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.warnf("Import %s failed: %s", jobId, error);
        jobs.finish(jobId, tally.progress(session), tally.takeErrors(), error);
    }

    /** Counters of one run and the row errors not yet written. */
    private static final class Tally {

        long rowsRead;
        long ordersRejected;
        long rowsRejected;
        long errorsTaken;
        List<RowError> errors = new ArrayList<>();

        ImportProgress progress(PublishSession session) {
            return new ImportProgress(rowsRead, session.acknowledged(), ordersRejected, rowsRejected);
        }

        /** The errors not yet written, numbered after those taken before. */
        RowErrorBatch takeErrors() {
            RowErrorBatch batch = new RowErrorBatch(errorsTaken, errors);
            errorsTaken += errors.size();
            errors = new ArrayList<>();
            return batch;
        }
    }
}
