package dev.oms.cli.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * An import job; {@code duplicate} is true when the uploaded file had been imported before (this is that job).
 * import-service names the id {@code id}; the CLI contract called it {@code importId}: both are read.
 */
public record ImportJob(@JsonAlias("id") String importId, String status, String fileName, long rowsRead,
                        long ordersPublished, long rowsRejected, boolean duplicate, String error) {

    public boolean isFinished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status);
    }

    public boolean isFailed() {
        return "FAILED".equals(status);
    }
}
