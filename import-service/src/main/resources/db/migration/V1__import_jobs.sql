-- Runs on MySQL 8.4 and MariaDB 10.11. Ids are application-assigned UUIDs (BINARY(16)); instants are UTC.
CREATE TABLE import_job (
    id               BINARY(16)    NOT NULL,
    file_name        VARCHAR(255)  NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    rows_read        BIGINT        NOT NULL DEFAULT 0,
    orders_published BIGINT        NOT NULL DEFAULT 0,
    orders_rejected  BIGINT        NOT NULL DEFAULT 0,
    rows_rejected    BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    started_at       DATETIME(6)   NULL,
    finished_at      DATETIME(6)   NULL,
    error            TEXT          NULL,
    PRIMARY KEY (id),
    -- A file's content is imported once: a second upload finds the first job.
    CONSTRAINT uk_import_job_sha256 UNIQUE (sha256),
    INDEX ix_import_job_created (created_at),
    INDEX ix_import_job_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE import_row_error (
    job_id      BINARY(16)    NOT NULL,
    -- Position of the error in the job's report: keeps several errors of one line in the order they were found.
    seq         BIGINT        NOT NULL,
    line_number BIGINT        NOT NULL,
    column_name VARCHAR(64)   NULL,
    reason      VARCHAR(2000) NOT NULL,
    raw_line    TEXT          NULL,
    PRIMARY KEY (job_id, seq),
    INDEX ix_import_row_error_job_line (job_id, line_number),
    CONSTRAINT fk_import_row_error_job FOREIGN KEY (job_id) REFERENCES import_job (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
