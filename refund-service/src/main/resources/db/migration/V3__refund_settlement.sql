-- Why a refund FAILED: the payment side's answer (the gateway's reason, or nothing left to give back).
ALTER TABLE refund ADD COLUMN failure_reason VARCHAR(200) NULL AFTER reason;
