-- Refund settlements. refunded_minor: what has been given back of an authorized payment, never more than its amount.
ALTER TABLE payment ADD COLUMN refunded_minor BIGINT NOT NULL DEFAULT 0 AFTER currency;

-- One row per RefundPayment command, keyed by refund-service's refund id, so a command that comes again finds its
-- answer. payment_id is NULL when the order had no authorized payment to refund from.
CREATE TABLE payment_refund (
    refund_id      BINARY(16)   NOT NULL,
    payment_id     BINARY(16)   NULL,
    order_id       BINARY(16)   NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    status         VARCHAR(8)   NOT NULL,
    decline_reason VARCHAR(200) NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (refund_id),
    KEY ix_payment_refund_payment (payment_id)
) ENGINE = InnoDB;
