-- The lane of the order the payment is for: its events go to that lane's topic (interactive orders never wait
-- behind a bulk backlog). Payments recorded before lanes were kept are bulk.
ALTER TABLE payment ADD COLUMN lane VARCHAR(12) NOT NULL DEFAULT 'BULK' AFTER currency;
