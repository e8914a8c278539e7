-- Assessments: one use of a versioned instrument (data file under instruments/) for one client.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.
-- Answers are a JSON object in a TEXT column (not JSON: H2 and TiDB/OceanBase differ on it).
-- Signed rows are never updated or deleted; a reassessment is a new row naming the one it supersedes.

CREATE TABLE assessment (
    id                 BINARY(16)    NOT NULL PRIMARY KEY,
    version            BIGINT        NOT NULL,
    created_at         DATETIME(6),
    created_by         VARCHAR(64),
    updated_at         DATETIME(6),
    updated_by         VARCHAR(64),
    client_id          BINARY(16)    NOT NULL,
    case_id            BINARY(16),
    instrument_code    VARCHAR(60)   NOT NULL,
    instrument_version INT           NOT NULL,
    answers            TEXT          NOT NULL,
    complete           BOOLEAN       NOT NULL,
    total_score        INT,
    outcome            VARCHAR(40),
    proposed_risk      VARCHAR(10),
    mandatory_report   BOOLEAN       NOT NULL,
    triggers           VARCHAR(1000),
    summary            VARCHAR(4000),
    status             VARCHAR(10)   NOT NULL,
    signed_by          VARCHAR(64),
    signed_at          DATETIME(6),
    supersedes         BINARY(16),
    -- A signed assessment is superseded at most once, so reassessments form a chain, never a fork.
    CONSTRAINT uk_assessment_supersedes UNIQUE (supersedes),
    CONSTRAINT fk_assessment_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_assessment_supersedes FOREIGN KEY (supersedes) REFERENCES assessment (id)
);
CREATE INDEX ix_assessment_client ON assessment (client_id, created_at);
CREATE INDEX ix_assessment_case ON assessment (case_id);
