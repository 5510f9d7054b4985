-- The notification audit trail: one row per (event, channel); retries update the row, never add one.
CREATE TABLE notification (
    id             BINARY(16)    NOT NULL,
    event_id       BINARY(16)    NOT NULL,
    channel        VARCHAR(20)   NOT NULL,
    type           VARCHAR(30)   NOT NULL,
    order_id       BINARY(16)    NOT NULL,
    customer_id    BINARY(16)    NOT NULL,
    order_status   VARCHAR(20)   NOT NULL,
    total_minor    BIGINT        NOT NULL,
    currency       CHAR(3)       NOT NULL,
    status         VARCHAR(10)   NOT NULL,
    attempts       INT           NOT NULL DEFAULT 0,
    last_error     VARCHAR(1000) NULL,
    payload        TEXT          NULL,
    created_at     DATETIME(6)   NOT NULL,
    sent_at        DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notification_event_channel (event_id, channel),
    KEY ix_notification_order (order_id, created_at),
    KEY ix_notification_status (status, created_at)
) ENGINE = InnoDB;
