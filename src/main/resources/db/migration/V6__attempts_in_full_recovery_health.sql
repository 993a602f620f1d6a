-- Every attempt in full: what was sent and what came back. Header values that carry a secret are
-- stored as [redacted]; bodies are cut at 64 KiB (request) and 20 KiB (response).
ALTER TABLE callout_attempt ADD COLUMN method VARCHAR(8);
ALTER TABLE callout_attempt ADD COLUMN url VARCHAR(100000);
ALTER TABLE callout_attempt ADD COLUMN request_headers VARCHAR(20000);
ALTER TABLE callout_attempt ADD COLUMN request_body VARCHAR(70000);
ALTER TABLE callout_attempt ADD COLUMN response_headers VARCHAR(20000);
ALTER TABLE callout_attempt ADD COLUMN response_body VARCHAR(25000);

-- A recovery claims the deliveries it will send (recovery_id) and notes each one it sent
-- (recovered_at), so that no delivery is recovered twice, also across a restart.
ALTER TABLE callout_delivery ADD COLUMN recovery_id VARCHAR(64);
ALTER TABLE callout_delivery ADD COLUMN recovered_at TIMESTAMP;
CREATE INDEX ix_callout_delivery_recovery ON callout_delivery (recovery_id);
CREATE INDEX ix_callout_delivery_created ON callout_delivery (created_at);
CREATE INDEX ix_callout_attempt_sent ON callout_attempt (sent_at);

-- Deliveries that failed for good in a row, for auto-deactivation; a delivered one resets them.
ALTER TABLE callout ADD COLUMN consecutive_failures INT DEFAULT 0 NOT NULL;
ALTER TABLE callout ADD COLUMN failing_since TIMESTAMP;
