CREATE TABLE payment (
    id             BINARY(16)   NOT NULL,
    order_id       BINARY(16)   NOT NULL,
    customer_id    BINARY(16)   NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    status         VARCHAR(12)  NOT NULL,
    decline_reason VARCHAR(100) NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_payment_order (order_id),
    KEY ix_payment_status (status)
) ENGINE = InnoDB;
