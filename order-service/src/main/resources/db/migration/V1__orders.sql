-- Products and their stock. available = on_hand - reserved; the CHECK backs up the conditional updates.
CREATE TABLE product (
    sku              VARCHAR(64)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    unit_price_minor BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    on_hand          INT          NOT NULL,
    reserved         INT          NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (sku),
    UNIQUE KEY uk_product_name (name),
    CONSTRAINT ck_product_stock CHECK (reserved >= 0 AND on_hand >= reserved)
) ENGINE = InnoDB;

CREATE TABLE orders (
    id                BINARY(16)    NOT NULL,
    external_order_id VARCHAR(100)  NULL,
    customer_id       BINARY(16)    NOT NULL,
    customer_email    VARCHAR(254)  NOT NULL,
    customer_name     VARCHAR(200)  NOT NULL,
    lane              VARCHAR(12)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    refund_status     VARCHAR(10)   NOT NULL,
    reason            VARCHAR(20)   NULL,
    reason_detail     VARCHAR(1000) NULL,
    total_minor       BIGINT        NOT NULL,
    currency          CHAR(3)       NOT NULL,
    payment_id        BINARY(16)    NULL,
    ordered_at        DATETIME(6)   NULL,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    paid_at           DATETIME(6)   NULL,
    PRIMARY KEY (id),
    KEY ix_orders_status (status, created_at),
    KEY ix_orders_customer (customer_email, created_at),
    KEY ix_orders_paid_at (paid_at),
    KEY ix_orders_created_at (created_at)
) ENGINE = InnoDB;

CREATE TABLE order_line (
    order_id         BINARY(16)   NOT NULL,
    line_no          INT          NOT NULL,
    sku              VARCHAR(64)  NULL,
    product_name     VARCHAR(200) NULL,
    quantity         INT          NOT NULL,
    unit_price_minor BIGINT       NULL,
    PRIMARY KEY (order_id, line_no)
) ENGINE = InnoDB;

CREATE TABLE order_history (
    id          BINARY(16)   NOT NULL,
    order_id    BINARY(16)   NOT NULL,
    from_status VARCHAR(20)  NULL,
    to_status   VARCHAR(20)  NOT NULL,
    reason      VARCHAR(200) NULL,
    at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_order_history_order (order_id, at)
) ENGINE = InnoDB;
