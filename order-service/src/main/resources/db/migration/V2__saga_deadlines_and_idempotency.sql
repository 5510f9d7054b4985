-- When an order in PAYMENT_PENDING gives up waiting for its payment (the timeout sweeper's index).
ALTER TABLE orders ADD COLUMN payment_due_at DATETIME(6) NULL;
CREATE INDEX ix_orders_payment_due ON orders (status, payment_due_at);

-- POST /orders Idempotency-Key: the first request's body fingerprint and the order it created.
CREATE TABLE order_request_key (
    idempotency_key VARCHAR(200) NOT NULL,
    request_sha256  CHAR(64)     NOT NULL,
    order_id        BINARY(16)   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (idempotency_key),
    KEY ix_order_request_key_created (created_at)
) ENGINE = InnoDB;
