-- Transactional outbox (shared by order, payment, refund and notification services).
-- seq orders publication: within one order, a later transaction always gets a later seq (see Outbox).
-- Rows are written with plain JDBC batches, so the auto-increment does not cost Hibernate batching.
CREATE TABLE outbox (
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    id           BINARY(16)   NOT NULL,
    topic        VARCHAR(200) NOT NULL,
    record_key   VARCHAR(100) NOT NULL,
    payload      MEDIUMBLOB   NOT NULL,
    traceparent  VARCHAR(64)  NULL,
    created_at   DATETIME(6)  NOT NULL,
    published_at DATETIME(6)  NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_outbox_event_id (id),
    KEY ix_outbox_pending (published_at, seq)
) ENGINE = InnoDB;
