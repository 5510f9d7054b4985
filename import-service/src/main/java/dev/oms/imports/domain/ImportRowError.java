package dev.oms.imports.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A reason a row of an import was rejected, with the row as it was read; {@code seq} orders a job's report. */
@Entity
@Table(name = "import_row_error")
@IdClass(ImportRowError.Key.class)
public class ImportRowError extends PanacheEntityBase {

    @Id
    @JdbcTypeCode(SqlTypes.BINARY)
    @Column(name = "job_id", columnDefinition = "BINARY(16)")
    public UUID jobId;

    @Id
    public long seq;

    @Column(name = "line_number", nullable = false, updatable = false)
    public long lineNumber;

    @Column(name = "column_name", updatable = false)
    public String columnName;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "raw_line", updatable = false)
    public String rawLine;

    /** The column's size: reasons quote cut values, but a long one must never fail the report. */
    static final int MAX_REASON_LENGTH = 2000;

    public static ImportRowError of(UUID jobId, long seq, RowError error) {
        ImportRowError row = new ImportRowError();
        row.jobId = jobId;
        row.seq = seq;
        row.lineNumber = error.lineNumber();
        row.columnName = error.column();
        row.reason = cut(error.reason(), MAX_REASON_LENGTH);
        row.rawLine = error.rawLine();
        return row;
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /** The primary key: (job, position in the job's report). */
    public static class Key implements Serializable {

        public UUID jobId;
        public long seq;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && seq == key.seq && Objects.equals(jobId, key.jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, seq);
        }
    }
}
