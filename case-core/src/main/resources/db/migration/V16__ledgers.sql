-- Excel ledgers (台账, issue 12): every export and every import leaves a record of who did it, what
-- was asked for and how many rows went out or came in. The filter holds codes and dates only (no
-- names or numbers); the reason for full numbers is typed by the user and encrypted at rest.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11.

CREATE TABLE ledger_export (
    id           BINARY(16)   NOT NULL PRIMARY KEY,
    actor        VARCHAR(64)  NOT NULL,
    actor_id     BINARY(16),
    ledger       VARCHAR(30)  NOT NULL,
    filter_text  VARCHAR(300) NOT NULL,
    full_numbers BOOLEAN      NOT NULL,
    reason_enc   TEXT,
    row_count    INT          NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_ledger_export_time ON ledger_export (occurred_at);

CREATE TABLE ledger_import (
    id            BINARY(16)   NOT NULL PRIMARY KEY,
    actor         VARCHAR(64)  NOT NULL,
    actor_id      BINARY(16),
    jurisdiction  VARCHAR(12)  NOT NULL,
    file_sha256   VARCHAR(64)  NOT NULL,
    total_rows    INT          NOT NULL,
    accepted_rows INT          NOT NULL,
    rejected_rows INT          NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL
);
CREATE INDEX ix_ledger_import_file ON ledger_import (file_sha256);
