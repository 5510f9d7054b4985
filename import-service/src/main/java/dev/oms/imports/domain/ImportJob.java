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

/** One CSV file being (or having been) imported; a file's content (SHA-256) is imported at most once. */
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

    public static ImportJob pending(UUID id, String fileName, String sha256, Instant now) {
        ImportJob job = new ImportJob();
        job.id = id;
        job.fileName = fileName;
        job.sha256 = sha256;
        job.status = ImportStatus.PENDING;
        job.createdAt = now;
        return job;
    }

    public static Optional<ImportJob> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    public void record(ImportProgress progress) {
        rowsRead = progress.rowsRead();
        ordersPublished = progress.ordersPublished();
        ordersRejected = progress.ordersRejected();
        rowsRejected = progress.rowsRejected();
    }
}
