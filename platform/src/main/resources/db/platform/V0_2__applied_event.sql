-- Event ids each consumer has applied: the idempotent-consumer record (see AppliedEvents).
CREATE TABLE applied_event (
    consumer   VARCHAR(100) NOT NULL,
    event_id   BINARY(16)   NOT NULL,
    applied_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, event_id),
    KEY ix_applied_event_applied_at (applied_at)
) ENGINE = InnoDB;
