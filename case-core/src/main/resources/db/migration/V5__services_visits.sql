-- Service records (服务记录) and visit schedules.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.

-- Append-only: a wrong record is voided (voided_at/by, void_reason), never updated or deleted.
-- Notes are encrypted at rest (base64 of AES-GCM: longer than the 4,000 characters typed).
CREATE TABLE service_record (
    id               BINARY(16)   NOT NULL PRIMARY KEY,
    version          BIGINT       NOT NULL,
    created_at       DATETIME(6),
    created_by       VARCHAR(64),
    updated_at       DATETIME(6),
    updated_by       VARCHAR(64),
    client_id        BINARY(16)   NOT NULL,
    case_id          BINARY(16),
    type             VARCHAR(20)  NOT NULL,
    occurred_at      DATETIME(6)  NOT NULL,
    duration_minutes INT,
    place            VARCHAR(200),
    participants     VARCHAR(500),
    notes_enc        TEXT         NOT NULL,
    plan_activity_id BINARY(16),
    recorded_by      VARCHAR(64)  NOT NULL,
    recorded_at      DATETIME(6)  NOT NULL,
    voided_at        DATETIME(6),
    voided_by        VARCHAR(64),
    void_reason      VARCHAR(300),
    CONSTRAINT fk_service_record_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_service_record_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
-- A client's records newest first, and the last visit (type, occurred_at) of a client.
CREATE INDEX ix_service_record_client ON service_record (client_id, occurred_at);
CREATE INDEX ix_service_record_client_type ON service_record (client_id, type, occurred_at);
CREATE INDEX ix_service_record_case ON service_record (case_id, occurred_at);

-- Derived: one row per client with its visiting level and next due visit, kept by the services
-- and recomputed nightly (no foreign key: it is written in the client's own registering
-- transaction, and clients are never deleted). Worklists read a scope prefix and a due horizon from one index.
CREATE TABLE visit_schedule (
    client_id     BINARY(16)   NOT NULL PRIMARY KEY,
    region_code   VARCHAR(12)  NOT NULL,
    visit_level   VARCHAR(10)  NOT NULL,
    level_rank    INT          NOT NULL,
    last_visit_on DATE,
    next_due_on   DATE         NOT NULL,
    due_rule      VARCHAR(30)  NOT NULL,
    refreshed_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_visit_schedule_region_due ON visit_schedule (region_code, next_due_on);
