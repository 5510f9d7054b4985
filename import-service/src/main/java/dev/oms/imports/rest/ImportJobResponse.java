package dev.oms.imports.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.oms.imports.domain.ImportJob;
import dev.oms.imports.domain.ImportStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ImportJob", description = "A CSV import (or dry run) and how far it got")
public record ImportJobResponse(
        UUID importId,
        String fileName,
        @Schema(description = "SHA-256 of the file content, lower-case hex; one import per content")
        String sha256,
        ImportStatus status,
        @Schema(description = "True for a dry run: the file is validated, nothing is published")
        boolean dryRun,
        @Schema(description = "The format detected from the header: canonical, items-json or line")
        String format,
        @Schema(description = "Size of the file in bytes")
        long fileSize,
        @Schema(description = "Bytes of the file read so far")
        long bytesRead,
        @Schema(description = "Data rows read (the header not counted, blank lines counted)")
        long rowsRead,
        @Schema(description = "Orders that passed validation")
        long ordersValid,
        @Schema(description = "OrderRequested records acknowledged by Kafka (0 in a dry run)")
        long ordersPublished,
        @Schema(description = "Orders not published because at least one of their rows is invalid")
        long ordersRejected,
        @Schema(description = "Rows not published: the rows of rejected orders, rows without an order id, blank lines")
        long rowsRejected,
        @Schema(description = "The import fails once more rows than this are rejected")
        long maxRejectedRows,
        @Schema(description = "The first `checkpoint` valid orders are all acknowledged: a resumed run starts after them")
        long checkpoint,
        @Schema(description = "Rows read per second over the run so far (as of its last progress update)")
        long rowsPerSecond,
        @Schema(description = "Seconds until the file is read, at the speed so far; absent when not running")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long etaSeconds,
        @Schema(description = "What applies to the whole file, e.g. the date given to rows without one")
        List<String> notes,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Why the job FAILED or was CANCELLED")
        String error,
        @Schema(description = "Only in answers to a submission: true when this content was imported before and "
                + "this is the original job (nothing new was started)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean duplicate) {

    public static ImportJobResponse of(ImportJob job) {
        return of(job, null);
    }

    public static ImportJobResponse of(ImportJob job, Boolean duplicate) {
        // Both as of the last progress update, so they give the rate of that moment.
        double seconds = job.runMillis / 1000.0;
        long rowsPerSecond = job.runMillis == 0 ? 0 : Math.round(job.rowsRead / seconds);
        Long eta = null;
        if (job.status == ImportStatus.RUNNING && job.bytesRead > 0 && job.runMillis > 0) {
            eta = Math.round((job.fileSize - job.bytesRead) / (job.bytesRead / seconds));
        }
        List<String> notes = job.notes == null ? List.of() : List.of(job.notes.split("\n"));
        return new ImportJobResponse(job.id, job.fileName, job.sha256, job.status, job.dryRun, job.format,
                job.fileSize, job.bytesRead, job.rowsRead, job.ordersValid, job.ordersPublished, job.ordersRejected,
                job.rowsRejected, job.maxRejectedRows, job.checkpoint, rowsPerSecond, eta, notes, job.createdAt,
                job.startedAt, job.finishedAt, job.error, duplicate);
    }
}
