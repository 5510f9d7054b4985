package dev.oms.cli.api;

import java.util.List;

/**
 * An import job; {@code duplicate} is true when the uploaded file had been imported before (this is that job).
 * {@code etaSeconds} is null unless it is running.
 */
public record ImportJob(String importId, String status, String fileName, boolean dryRun, String format,
                        long fileSize, long bytesRead, long rowsRead, long ordersValid, long ordersPublished,
                        long ordersRejected, long rowsRejected, long rowsPerSecond, Long etaSeconds,
                        List<String> notes, boolean duplicate, String error, String createdAt) {

    public boolean isFinished() {
        return "COMPLETED".equals(status) || isFailed();
    }

    /** FAILED or CANCELLED: the import did not get through its file. */
    public boolean isFailed() {
        return "FAILED".equals(status) || "CANCELLED".equals(status);
    }
}
