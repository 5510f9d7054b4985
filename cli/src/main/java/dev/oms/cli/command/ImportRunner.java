package dev.oms.cli.command;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.oms.cli.CliException;
import dev.oms.cli.api.ImportJob;
import dev.oms.cli.api.ImportRowError;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.ProgressLine;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;
import dev.oms.cli.http.Query;
import dev.oms.cli.http.ServiceClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Uploads a CSV file to import-service and follows the job: shared by {@code oms import} and {@code oms demo}. */
final class ImportRunner {

    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int ERRORS_SHOWN = 10;

    private final ServiceClient importService;
    private final PrintWriter out;

    ImportRunner(ServiceClient importService, PrintWriter out) {
        this.importService = importService;
        this.out = out;
    }

    ImportJob upload(Path file) {
        return upload(file, false, null);
    }

    /** Uploads the file; {@code dryRun} only validates it, {@code maxRejectedRows} (if not null) overrides the limit. */
    ImportJob upload(Path file, boolean dryRun, Long maxRejectedRows) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CliException("cannot read " + file + ": no such readable file");
        }
        String fileName = headerSafe(file.getFileName().toString());
        out.println("Uploading " + file + " (" + Cells.count(size(file)) + " bytes) to import-service");
        out.flush();
        String path = Query.create().add("fileName", fileName).add("dryRun", dryRun ? "true" : null)
                .add("maxRejectedRows", maxRejectedRows).appendTo("/imports");
        ImportJob job = importService.postFile(path, file, "text/csv", Map.of(), ImportJob.class);
        if (job.duplicate()) {
            out.println("This file was imported before, as import " + job.importId() + " (" + job.status() + ")");
        } else {
            out.println((job.dryRun() ? "Dry run " : "Import ") + job.importId() + " accepted (" + job.status() + ")");
        }
        return job;
    }

    /**
     * Polls the job until it is COMPLETED, FAILED or CANCELLED, showing its counters.
     *
     * @param rowsInFile the number of data rows when known (for a progress bar), else 0
     * @param timeout    how long to wait at most, or null to wait as long as it takes
     */
    ImportJob await(ImportJob job, long rowsInFile, Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        ImportJob current = job;
        try (ProgressLine progress = ProgressLine.forConsole(out)) {
            while (!current.isFinished()) {
                progress.update(progressText(current, rowsInFile));
                if (System.nanoTime() > deadline) {
                    throw new CliException("import " + job.importId() + " did not finish within " + timeout.toMinutes()
                            + " minutes; it is " + current.status() + " with " + Cells.count(current.rowsRead()) + " rows read");
                }
                Pause.sleep(POLL_INTERVAL);
                current = importService.get("/imports/" + job.importId(), ImportJob.class);
            }
            progress.finish(progressText(current, rowsInFile));
        }
        return current;
    }

    /** The outcome, and the first rejected rows if there are any. */
    void printSummary(ImportJob job) {
        String outcome = job.dryRun()
                ? Cells.count(job.ordersValid()) + " valid orders (dry run: nothing published)"
                : Cells.count(job.ordersPublished()) + " orders published";
        out.println((job.dryRun() ? "Dry run " : "Import ") + job.importId() + " " + job.status() + ": "
                + Cells.count(job.rowsRead()) + " rows read (" + Cells.text(job.format()) + " format, "
                + Cells.count(job.rowsPerSecond()) + " rows/s), " + outcome + ", " + Cells.count(job.rowsRejected())
                + " rows rejected");
        if (job.isFailed() && job.error() != null) {
            out.println("Reason: " + job.error());
        }
        if (job.notes() != null) {
            job.notes().forEach(note -> out.println("Note: " + note));
        }
        if (job.rowsRejected() > 0) {
            String errorsPath = "/imports/" + job.importId() + "/errors";
            // One more than shown, to know whether there are more without fetching them all.
            List<ImportRowError> errors = importService.get(Query.create().add("size", ERRORS_SHOWN + 1).appendTo(errorsPath),
                    new TypeReference<List<ImportRowError>>() { });
            Table table = Table.of(Column.right("LINE"), Column.left("COLUMN"), Column.left("REASON"));
            errors.stream().limit(ERRORS_SHOWN)
                    .forEach(error -> table.row(error.lineNumber(), Cells.text(error.column()), Cells.text(error.reason())));
            out.println("Rejected rows:");
            out.print(table.render().indent(2));
            if (errors.size() > ERRORS_SHOWN) {
                out.println("  … all of them, with the original lines: oms imports errors " + job.importId()
                        + " > rejected.csv");
            }
        }
        out.flush();
    }

    /** e.g. {@code [######------]  42% RUNNING: 420,000 rows read, 151,000 rows/s, ETA 4 s, 140,000 orders published, 12 rejected}. */
    static String progressText(ImportJob job, long rowsInFile) {
        String counters = job.status() + ": " + Cells.count(job.rowsRead()) + " rows read, "
                + Cells.count(job.rowsPerSecond()) + " rows/s"
                + (job.etaSeconds() == null ? "" : ", ETA " + Cells.count(job.etaSeconds()) + " s") + ", "
                + (job.dryRun() ? Cells.count(job.ordersValid()) + " valid orders, "
                : Cells.count(job.ordersPublished()) + " orders published, ")
                + Cells.count(job.rowsRejected()) + " rejected";
        // Bytes read is exact progress through the file; a row count of the file is only an estimate.
        if ("COMPLETED".equals(job.status())) {
            return ProgressLine.bar(1, 1) + " " + counters;
        }
        if (job.fileSize() > 0) {
            return ProgressLine.bar(job.bytesRead(), job.fileSize()) + " " + counters;
        }
        return rowsInFile > 0 ? ProgressLine.bar(job.rowsRead(), rowsInFile) + " " + counters : counters;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** HTTP header values must be visible ASCII; other characters of a file name become '_'. */
    private static String headerSafe(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.chars().forEach(c -> safe.append(c >= 0x20 && c < 0x7f ? (char) c : '_'));
        return safe.toString();
    }
}
