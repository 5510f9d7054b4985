-- What refund-service knows of orders, from oms.order-events: a paid order (PAID, SHIPPED or DELIVERED), what was
-- captured for it, and its refund status. Refunds of one order are decided with its row locked.
CREATE TABLE refundable_order (
    order_id       BINARY(16)  NOT NULL,
    customer_id    BINARY(16)  NOT NULL,
    status         VARCHAR(16) NOT NULL,
    captured_minor BIGINT      NOT NULL,
    currency       CHAR(3)     NOT NULL,
    refund_status  VARCHAR(8)  NOT NULL DEFAULT 'NONE',
    updated_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB;
