-- What completed refunds have given back of the order's total; refund_status follows from it (NONE, PARTIAL, FULL).
ALTER TABLE orders ADD COLUMN refunded_minor BIGINT NOT NULL DEFAULT 0 AFTER currency;
