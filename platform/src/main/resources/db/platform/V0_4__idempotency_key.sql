-- Idempotency keys of requests that create something (POST /orders, refunds). The first request with a key does
-- the work; a later one with the same key gets the first answer (same body), 422 (another body) or 409 (the first
-- is still running). Runs on MySQL 8.4 and MariaDB 10.11.
CREATE TABLE idempotency_key (
    -- What the key is unique within, e.g. "orders", or "refunds:<order id>" for keys scoped to one order.
    scope          VARCHAR(64)  NOT NULL,
    idem_key       VARCHAR(200) NOT NULL,
    request_sha256 CHAR(64)     NOT NULL,
    -- What the first request created, once it committed; NULL while it runs.
    resource_id    BINARY(16)   NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (scope, idem_key),
    KEY ix_idempotency_key_created (created_at)
) ENGINE = InnoDB;
