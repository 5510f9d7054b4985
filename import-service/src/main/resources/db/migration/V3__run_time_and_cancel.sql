-- How long the current run has taken, measured by the service: DATETIME columns keep only seconds on MariaDB
-- (see the README), too coarse for the rows/s and ETA of a run of a few seconds.
ALTER TABLE import_job ADD COLUMN run_millis BIGINT NOT NULL DEFAULT 0;

-- A cancel outlives a restart: a job asked to stop is not resumed.
ALTER TABLE import_job ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT FALSE;
