package dev.oms.imports.service;

import dev.oms.imports.config.ImportConfig;
import dev.oms.imports.domain.AcceptedOrder;
import dev.oms.imports.domain.AssembledOrder;
import dev.oms.imports.domain.CsvFormatException;
import dev.oms.imports.domain.CsvRowReader;
import dev.oms.imports.domain.ImportEventIds;
import dev.oms.imports.domain.ImportJob;
import dev.oms.imports.domain.ImportProgress;
import dev.oms.imports.domain.ImportStatus;
import dev.oms.imports.domain.OrderFile;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one import: streams the file row by row, groups rows into orders, publishes the valid ones (or only counts
 * them, in a dry run) and records the rejected rows. The job row, with the checkpoint, is updated every
 * {@code progress-interval} rows, not per row. The job is COMPLETED only once Kafka acknowledged every record;
 * a failed send, a file that is not CSV, or more rejected rows than the job tolerates fail it. A run interrupted
 * because the service stops leaves the job RUNNING with its file, to resume at the next start.
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
    private final Counter rowsReadMeter;
    private final Counter rowsRejectedMeter;

    public ImportProcessor(ImportJobStore jobs, ImportFiles files, OrderRequestPublisher publisher, ImportConfig config,
                           MeterRegistry registry) {
        this.rowsReadMeter = Counter.builder("oms.import.rows").description("CSV rows of imports, by result")
                .tag("result", "read").register(registry);
        this.rowsRejectedMeter = Counter.builder("oms.import.rows").description("CSV rows of imports, by result")
                .tag("result", "rejected").register(registry);
        this.jobs = jobs;
        this.files = files;
        this.publisher = publisher;
        this.currency = ShopCurrency.of(config.currency());
        this.progressInterval = config.progressInterval();
    }

    /** Runs the job over {@code source} unless it is cancelled ({@code cancelled}, or in the job) before or while it runs. */
    public void run(UUID jobId, ImportSource source, AtomicBoolean cancelled) {
        ImportJob job = jobs.markRunning(jobId);
        Run run = new Run(job, source, cancelled);
        ImportOutcome outcome;
        try {
            outcome = job.cancelRequested || cancelled.get()
                    ? new ImportOutcome(ImportStatus.CANCELLED, ImportSubmissions.CANCELLED_IDLE, null, null)
                    : run.execute();
        } catch (Error e) {
            // Not an outcome of the file (e.g. out of memory): the job must not stay RUNNING to fail again at every start.
            end(jobId, source, new ImportOutcome(ImportStatus.FAILED, e.toString(), null, null), run);
            throw e;
        }
        if (outcome != null) {
            end(jobId, source, outcome, run);
        }
    }

    private void end(UUID jobId, ImportSource source, ImportOutcome outcome, Run run) {
        try {
            jobs.finish(jobId, outcome, run.progress(), run.takeErrors());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot record the end of import %s (%s); marking it FAILED", jobId, outcome.status());
            jobs.fail(jobId, "the outcome " + outcome.status() + " could not be recorded: " + e);
        }
        files.release(source);
        LOG.infof("Import %s of %s ended %s: %s%s", jobId, source.fileName(), outcome.status(), run.progress(),
                outcome.error() == null ? "" : " (" + outcome.error() + ")");
    }

    /** One run of a job: its counters, the row errors not yet written, and its Kafka session. */
    private final class Run {

        private final ImportJob job;
        private final ImportSource source;
        private final AtomicBoolean cancelled;
        private final PublishSession session;
        private final long startedNanos = System.nanoTime();
        private OrderFile file;
        private String format;
        private long ordersValid;
        private long ordersRejected;
        private long rowsRejected;
        private long errorsTaken;
        private long rowsMetered;
        private List<RowError> errors = new ArrayList<>();

        Run(ImportJob job, ImportSource source, AtomicBoolean cancelled) {
            this.job = job;
            this.source = source;
            this.cancelled = cancelled;
            this.session = job.dryRun ? null : publisher.open(job.checkpoint);
        }

        /** The outcome, or null when the service is stopping and the job is left to resume. */
        ImportOutcome execute() {
            LocalDate importDay = LocalDate.ofInstant(job.createdAt, ZoneOffset.UTC);
            try (CsvRowReader reader = CsvRowReader.open(source.path());
                 OrderFile opened = OrderFile.open(reader, currency, job.id, importDay)) {
                file = opened;
                format = file.format();
                jobs.recordFormat(job.id, format);
                for (List<AssembledOrder> orders = file.next(); orders != null; orders = file.next()) {
                    for (AssembledOrder order : orders) {
                        handle(order);
                    }
                    if (cancelled.get()) {
                        return ended(ImportStatus.CANCELLED, "cancelled after " + file.rowsRead() + " rows; the "
                                + "orders published until then stay published (submit the file again to resume)");
                    }
                    if (rowsRejected > job.maxRejectedRows) {
                        return ended(ImportStatus.FAILED, "more than " + job.maxRejectedRows + " rows were rejected, "
                                + "so the import stopped after " + file.rowsRead() + " rows; fix the file and import it again");
                    }
                    if (file.rowsRead() % progressInterval == 0) {
                        jobs.recordProgress(job.id, progress(), takeErrors());
                    }
                }
                if (session != null) {
                    session.awaitAcknowledged();
                }
                return new ImportOutcome(ImportStatus.COMPLETED, null, format, notes());
            } catch (InterruptedException e) {
                return interrupted();
            } catch (CsvFormatException | PublishFailedException e) {
                return ended(ImportStatus.FAILED, e.getMessage());
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    // The file's channel was closed by the interrupt (ClosedByInterruptException).
                    return interrupted();
                }
                LOG.errorf(e, "Import %s of %s failed unexpectedly", job.id, source.fileName());
                return ended(ImportStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        /** The service is stopping: saves the checkpoint and leaves the job RUNNING, with its file, to resume. */
        private ImportOutcome interrupted() {
            Thread.interrupted();
            jobs.recordProgress(job.id, progress(), takeErrors());
            LOG.warnf("Import %s of %s interrupted at checkpoint %d: it resumes when the service starts again",
                    job.id, source.fileName(), progress().checkpoint());
            Thread.currentThread().interrupt();
            return null;
        }

        private void handle(AssembledOrder order) throws InterruptedException {
            if (order instanceof AcceptedOrder accepted) {
                ordersValid++;
                if (session != null) {
                    session.publish(ImportEventIds.eventId(source.sha256(), accepted.ordinal()), accepted.order());
                }
            } else if (order instanceof RejectedOrder rejected) {
                ordersRejected += rejected.externalOrderId() == null ? 0 : 1;
                rowsRejected += rejected.rowCount();
                rowsRejectedMeter.increment(rejected.rowCount());
                errors.addAll(rejected.errors());
            }
        }

        private ImportOutcome ended(ImportStatus status, String error) {
            if (session != null) {
                try {
                    // Let the sends in flight settle so the published count and the checkpoint are final.
                    session.drain();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return interrupted();
                }
            }
            return new ImportOutcome(status, error, format, notes());
        }

        private String notes() {
            return file == null || file.notes().isEmpty() ? null : String.join("\n", file.notes());
        }

        ImportProgress progress() {
            long rows = file == null ? 0 : file.rowsRead();
            rowsReadMeter.increment(rows - rowsMetered);
            rowsMetered = rows;
            long bytes = file == null ? 0 : Math.min(file.bytesRead(), job.fileSize);
            return new ImportProgress(rows, ordersValid, session == null ? 0 : session.acknowledged(), ordersRejected,
                    rowsRejected, bytes, session == null ? 0 : session.checkpoint(),
                    (System.nanoTime() - startedNanos) / 1_000_000);
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
