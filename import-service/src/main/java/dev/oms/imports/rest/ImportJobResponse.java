package dev.oms.imports.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.oms.imports.domain.ImportJob;
import dev.oms.imports.domain.ImportStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "ImportJob", description = "A CSV import and how far it got")
public record ImportJobResponse(
        UUID importId,
        String fileName,
        @Schema(description = "SHA-256 of the file content, lower-case hex; one job per content")
        String sha256,
        ImportStatus status,
        @Schema(description = "Data rows read (the header not counted)")
        long rowsRead,
        @Schema(description = "OrderRequested records acknowledged by Kafka")
        long ordersPublished,
        @Schema(description = "Orders not published because at least one of their rows is invalid")
        long ordersRejected,
        @Schema(description = "Rows not published: the rows of rejected orders and rows without an order_id")
        long rowsRejected,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Why the job FAILED")
        String error,
        @Schema(description = "Only in answers to a submission: true when this content was imported before and "
                + "this is the original job (nothing new was started)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean duplicate) {

    public static ImportJobResponse of(ImportJob job) {
        return of(job, null);
    }

    public static ImportJobResponse of(ImportJob job, Boolean duplicate) {
        return new ImportJobResponse(job.id, job.fileName, job.sha256, job.status, job.rowsRead, job.ordersPublished,
                job.ordersRejected, job.rowsRejected, job.createdAt, job.startedAt, job.finishedAt, job.error, duplicate);
    }
}
