-- Jobs that can be resumed, cancelled or run as a dry run, and that show their speed and ETA.
ALTER TABLE import_job
    ADD COLUMN format            VARCHAR(16)   NULL,
    ADD COLUMN dry_run           BOOLEAN       NOT NULL DEFAULT FALSE,
    -- The SHA-256 of a real import, NULL for a dry run: a content is imported once, but may be checked any number of times.
    ADD COLUMN content_key       CHAR(64)      NULL,
    -- Where the file is while the job may still run (a staged upload or a file of the import directory), for resuming.
    ADD COLUMN source_path       VARCHAR(4096) NULL,
    ADD COLUMN source_owned      BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN file_size         BIGINT        NOT NULL DEFAULT 0,
    ADD COLUMN bytes_read        BIGINT        NOT NULL DEFAULT 0,
    ADD COLUMN orders_valid      BIGINT        NOT NULL DEFAULT 0,
    -- The first `checkpoint` valid orders of the file are acknowledged by Kafka: a resumed run sends only those after.
    ADD COLUMN checkpoint        BIGINT        NOT NULL DEFAULT 0,
    ADD COLUMN max_rejected_rows BIGINT        NOT NULL DEFAULT 1000,
    ADD COLUMN notes             TEXT          NULL;

UPDATE import_job SET content_key = sha256;

ALTER TABLE import_job
    DROP INDEX uk_import_job_sha256,
    ADD CONSTRAINT uk_import_job_content UNIQUE (content_key),
    ADD INDEX ix_import_job_sha256 (sha256);
