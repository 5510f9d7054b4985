-- Why a refund FAILED: the payment side's answer (the gateway's reason, or nothing left to give back).
ALTER TABLE refund ADD COLUMN failure_reason VARCHAR(200) NULL AFTER reason;

-- The daily report of completed refunds (GET /reports/refunds-daily) reads them by completion time.
CREATE INDEX ix_refund_status_updated ON refund (status, updated_at);
