package dev.oms.cli.api;

/**
 * An import job; {@code duplicate} is true when the uploaded file had been imported before (this is that job).
 */
public record ImportJob(String importId, String status, String fileName, long rowsRead,
                        long ordersPublished, long rowsRejected, boolean duplicate, String error) {

    public boolean isFinished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status);
    }

    public boolean isFailed() {
        return "FAILED".equals(status);
    }
}
