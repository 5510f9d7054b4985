package dev.oms.imports.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One CSV file being (or having been) imported or checked (a dry run). A file's content (SHA-256) is imported at
 * most once: real imports hold it in {@code contentKey}, which is unique.
 */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    @Id
    @JdbcTypeCode(SqlTypes.BINARY)
    @Column(columnDefinition = "BINARY(16)")
    public UUID id;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    @Column(name = "content_key")
    public String contentKey;

    @Column(name = "dry_run", nullable = false, updatable = false)
    public boolean dryRun;

    /** canonical, items-json or line, once the header was read. */
    public String format;

    @Column(name = "source_path")
    public String sourcePath;

    @Column(name = "source_owned", nullable = false)
    public boolean sourceOwned;

    @Column(name = "file_size", nullable = false)
    public long fileSize;

    @Column(name = "bytes_read", nullable = false)
    public long bytesRead;

    @Column(name = "max_rejected_rows", nullable = false)
    public long maxRejectedRows;

    @Column(name = "orders_valid", nullable = false)
    public long ordersValid;

    public long checkpoint;

    /** A user asked the import to stop; it must not run (again). */
    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    /** How long the current run has taken, as of the last update. */
    @Column(name = "run_millis", nullable = false)
    public long runMillis;

    public String notes;

    @Column(name = "rows_read", nullable = false)
    public long rowsRead;

    @Column(name = "orders_published", nullable = false)
    public long ordersPublished;

    @Column(name = "orders_rejected", nullable = false)
    public long ordersRejected;

    @Column(name = "rows_rejected", nullable = false)
    public long rowsRejected;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;

    public static ImportJob pending(UUID id, ImportRequest request, Instant now) {
        ImportJob job = new ImportJob();
        job.id = id;
        job.fileName = request.fileName();
        job.sha256 = request.sha256();
        job.contentKey = request.dryRun() ? null : request.sha256();
        job.dryRun = request.dryRun();
        job.fileSize = request.fileSize();
        job.maxRejectedRows = request.maxRejectedRows();
        job.status = ImportStatus.PENDING;
        job.createdAt = now;
        return job;
    }

    /** The real import of this content, if any (dry runs are not looked at). */
    public static Optional<ImportJob> findImportOf(String sha256) {
        return find("contentKey", sha256).firstResultOptional();
    }

    public void record(ImportProgress progress) {
        rowsRead = progress.rowsRead();
        ordersValid = progress.ordersValid();
        ordersPublished = progress.ordersPublished();
        ordersRejected = progress.ordersRejected();
        rowsRejected = progress.rowsRejected();
        bytesRead = progress.bytesRead();
        checkpoint = progress.checkpoint();
        runMillis = progress.runMillis();
    }
}
