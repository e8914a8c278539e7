-- Sync, version 1 gaps (docs/sync-protocol.md): a visit's structured observations, stored encrypted
-- like its notes (JSON text inside the ciphertext), and the records a station worker's device was
-- last sent, so that a case assigned away or closed is told to the device as removals.
-- Portable across H2 (MySQL mode) and MariaDB 10.11.

ALTER TABLE service_record ADD COLUMN observations_enc TEXT;

-- "type:id=scopeKey" lines of the assignment-scoped records (client, household, case) a station
-- worker's device holds; null for village roles, whose scope is whole villages.
ALTER TABLE sync_device ADD COLUMN held_records TEXT;
