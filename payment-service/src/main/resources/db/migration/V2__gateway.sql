-- Asynchronous gateway: a payment waits in PENDING for the gateway's signed webhook.
-- void_requested: a VoidPayment that arrived while the sale was pending; the approval is voided when it comes.
ALTER TABLE payment ADD COLUMN void_requested BOOLEAN NOT NULL DEFAULT FALSE AFTER decline_reason;

-- Every request to the gateway and every answer from it, oldest first by (time-ordered) id.
CREATE TABLE payment_attempt (
    id             BINARY(16)   NOT NULL,
    payment_id     BINARY(16)   NOT NULL,
    kind           VARCHAR(8)   NOT NULL,
    status         VARCHAR(12)  NOT NULL,
    decline_reason VARCHAR(100) NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_payment_attempt_payment (payment_id, id),
    CONSTRAINT fk_payment_attempt_payment FOREIGN KEY (payment_id) REFERENCES payment (id)
) ENGINE = InnoDB;

-- The built-in gateway simulator's own ledger: one row per sale, idempotent on the payment id. Its answer is
-- fixed when the row is written; delivered_at stays NULL until our webhook acknowledged it, so answers not yet
-- delivered are re-sent after a restart.
CREATE TABLE gateway_ledger (
    payment_id     BINARY(16)   NOT NULL,
    order_id       BINARY(16)   NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    outcome        VARCHAR(8)   NOT NULL,
    decline_reason VARCHAR(100) NULL,
    voided         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     DATETIME(6)  NOT NULL,
    due_at         DATETIME(6)  NOT NULL,
    delivered_at   DATETIME(6)  NULL,
    attempts       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (payment_id),
    KEY ix_gateway_ledger_due (delivered_at, due_at)
) ENGINE = InnoDB;

-- Webhook calls refused as unauthenticated; the body only as its SHA-256.
CREATE TABLE webhook_rejection (
    id               BINARY(16)   NOT NULL,
    received_at      DATETIME(6)  NOT NULL,
    reason           VARCHAR(24)  NOT NULL,
    signature_header VARCHAR(255) NULL,
    body_sha256      CHAR(64)     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_webhook_rejection_received (received_at)
) ENGINE = InnoDB;
