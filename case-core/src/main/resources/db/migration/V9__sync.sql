-- Offline sync (docs/sync-protocol.md): the change log behind device cursors, devices and their
-- tokens, the mutation ledger (exactly-once), conflicts and quarantine.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.

-- The one row whose lock orders the change log: a transaction takes its sequence numbers at the
-- very end (before commit) under this lock, so commit order equals sequence order and a reader
-- that saw seq N has seen every change below N.
CREATE TABLE sync_sequence (
    id         INT    NOT NULL PRIMARY KEY,
    next_value BIGINT NOT NULL
);
INSERT INTO sync_sequence (id, next_value) VALUES (1, 1);

-- One row per changed record and transaction; fields = comma-separated protocol field names,
-- null = all fields; op U = upsert, D = the record left that scope key.
CREATE TABLE sync_change (
    seq         BIGINT       NOT NULL PRIMARY KEY,
    scope_key   VARCHAR(12)  NOT NULL,
    record_type VARCHAR(20)  NOT NULL,
    record_id   VARCHAR(36)  NOT NULL,
    op          CHAR(1)      NOT NULL,
    fields      VARCHAR(1000),
    changed_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_sync_change_scope ON sync_change (scope_key, seq);
CREATE INDEX ix_sync_change_record ON sync_change (record_type, record_id, seq);

CREATE TABLE sync_device (
    id                 BINARY(16)   NOT NULL PRIMARY KEY,
    version            BIGINT       NOT NULL,
    created_at         DATETIME(6),
    created_by         VARCHAR(64),
    updated_at         DATETIME(6),
    updated_by         VARCHAR(64),
    user_id            BINARY(16)   NOT NULL,
    name               VARCHAR(100) NOT NULL,
    platform           VARCHAR(40),
    client_version     VARCHAR(40),
    registered_at      DATETIME(6)  NOT NULL,
    last_seen_at       DATETIME(6),
    access_hash        VARCHAR(64),
    access_expires_at  DATETIME(6),
    refresh_hash       VARCHAR(64),
    revoked_at         DATETIME(6),
    revoked_by         VARCHAR(64),
    revoke_reason      VARCHAR(300),
    scope_keys         VARCHAR(1000),
    ack_counter        BIGINT       NOT NULL,
    CONSTRAINT fk_sync_device_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);
CREATE INDEX ix_sync_device_user ON sync_device (user_id);
CREATE UNIQUE INDEX ux_sync_device_access ON sync_device (access_hash);
CREATE UNIQUE INDEX ux_sync_device_refresh ON sync_device (refresh_hash);

-- The mutation ledger: written in the same transaction as the mutation's effect (or alone, after
-- the effect rolled back, for a refused one). The stored result is returned on replay.
CREATE TABLE sync_mutation (
    id           BINARY(16)   NOT NULL PRIMARY KEY,
    device_id    BINARY(16)   NOT NULL,
    counter      BIGINT       NOT NULL,
    type         VARCHAR(20)  NOT NULL,
    status       VARCHAR(12)  NOT NULL,
    entity_type  VARCHAR(20),
    entity_id    BINARY(16),
    entity_version BIGINT,
    code         VARCHAR(100),
    message_args VARCHAR(1000),
    errors       VARCHAR(2000),
    received_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_sync_mutation_device FOREIGN KEY (device_id) REFERENCES sync_device (id)
);
CREATE UNIQUE INDEX ux_sync_mutation_counter ON sync_mutation (device_id, counter);

-- A profile edit that clashed with a newer server value, for the station to resolve; or a
-- quarantined mutation (closed or out-of-scope target), kept for review, never dropped.
CREATE TABLE sync_issue (
    id            BINARY(16)   NOT NULL PRIMARY KEY,
    version       BIGINT       NOT NULL,
    created_at    DATETIME(6),
    created_by    VARCHAR(64),
    updated_at    DATETIME(6),
    updated_by    VARCHAR(64),
    kind          VARCHAR(12)  NOT NULL,
    mutation_id   BINARY(16)   NOT NULL,
    device_id     BINARY(16)   NOT NULL,
    client_id     BINARY(16),
    region_code   VARCHAR(12),
    field_name    VARCHAR(40),
    device_value  VARCHAR(500),
    server_value  VARCHAR(500),
    payload       VARCHAR(4000),
    device_user   VARCHAR(64)  NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    resolved_at   DATETIME(6),
    resolved_by   VARCHAR(64),
    resolution    VARCHAR(20)
);
CREATE INDEX ix_sync_issue_open ON sync_issue (resolved_at, region_code);
