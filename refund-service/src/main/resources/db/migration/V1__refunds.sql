-- Refunds of orders. Amounts in minor units; (order_id, idempotency_key) identifies a client's request.
CREATE TABLE refund (
    id              BINARY(16)   NOT NULL,
    order_id        BINARY(16)   NOT NULL,
    customer_id     BINARY(16)   NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_refund_idempotency (order_id, idempotency_key),
    KEY ix_refund_order (order_id, created_at)
) ENGINE = InnoDB;
