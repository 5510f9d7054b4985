-- Sending notifications (V1 was the read-only history): what each one told, whom it addresses, and the dispatcher's
-- state. A PENDING row is due at next_attempt_at; a dispatcher claims due rows with one conditional UPDATE (its
-- claim_token, until claimed_until), so replicas never send the same row at once and a crashed one's claims lapse.
ALTER TABLE notification
    ADD COLUMN refund_minor    BIGINT       NULL AFTER currency,
    ADD COLUMN recipient       VARCHAR(320) NULL AFTER refund_minor,
    ADD COLUMN subject         VARCHAR(300) NULL AFTER recipient,
    ADD COLUMN next_attempt_at DATETIME(6)  NULL AFTER sent_at,
    ADD COLUMN claimed_until   DATETIME(6)  NULL AFTER next_attempt_at,
    ADD COLUMN claim_token     BINARY(16)   NULL AFTER claimed_until;

UPDATE notification SET next_attempt_at = created_at WHERE next_attempt_at IS NULL;

ALTER TABLE notification
    MODIFY COLUMN next_attempt_at DATETIME(6) NOT NULL,
    ADD KEY ix_notification_due (status, next_attempt_at),
    ADD KEY ix_notification_claim (claim_token),
    ADD KEY ix_notification_customer (customer_id, created_at),
    ADD KEY ix_notification_created (created_at);

-- What notification-service knows of orders from oms.order-events: refund notifications report the order's status
-- and total from here, and emails go to the address the order was placed with.
CREATE TABLE order_snapshot (
    order_id       BINARY(16)   NOT NULL,
    customer_id    BINARY(16)   NOT NULL,
    customer_email VARCHAR(320) NULL,
    customer_name  VARCHAR(200) NULL,
    status         VARCHAR(20)  NOT NULL,
    total_minor    BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB;
