-- Relays own shards of the outbox (see OutboxRelay): slot = hash of the record key mod 64, fixed when the row is
-- written, so every event of one order is in one slot and the relay count can change without moving rows.
-- priority: 0 for interactive orders, 1 for bulk; a relay publishes interactive rows first (one order has one lane,
-- so its own events keep their order). The index also serves pruning by published_at.
ALTER TABLE outbox
    ADD COLUMN slot     SMALLINT NOT NULL DEFAULT 0 AFTER id,
    ADD COLUMN priority TINYINT  NOT NULL DEFAULT 1 AFTER slot,
    DROP INDEX ix_outbox_pending,
    ADD KEY ix_outbox_pending (published_at, priority, seq);
