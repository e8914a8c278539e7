-- Risk governance (issue 11): the level that counts is kept on the case for SQL lists and counts,
-- and every decision records the proposal it was made against.

ALTER TABLE case_file ADD COLUMN effective_risk_level VARCHAR(10);
-- Until now the level that counted was the confirmed one, else the proposal.
UPDATE case_file SET effective_risk_level = COALESCE(risk_level, proposed_risk_level);

ALTER TABLE case_risk_change ADD COLUMN proposed_level VARCHAR(10);

-- The visit schedule says what drives the level (a case, a flag, an assessment, the registry rules).
ALTER TABLE visit_schedule ADD COLUMN level_source VARCHAR(20);
ALTER TABLE visit_schedule ADD COLUMN level_reference VARCHAR(40);
ALTER TABLE visit_schedule ADD COLUMN level_triggers VARCHAR(500);

-- How an assessment's result was computed (the age the rules used and where it came from).
ALTER TABLE assessment ADD COLUMN result_notes VARCHAR(300);

-- Registry entries the station must look at again (复核), e.g. a 留守儿童 who turned 16.
CREATE TABLE registry_review (
    id           BINARY(16)   NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    created_at   DATETIME(6),
    created_by   VARCHAR(64),
    updated_at   DATETIME(6),
    updated_by   VARCHAR(64),
    client_id    BINARY(16)   NOT NULL,
    region_code  VARCHAR(12)  NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    subject_id   BINARY(16)   NOT NULL,
    due_on       DATE         NOT NULL,
    resolved_at  DATETIME(6),
    resolved_by  VARCHAR(64),
    resolution_enc TEXT,
    -- a rule applied twice (two instances, two runs) never asks twice
    CONSTRAINT uk_registry_review_subject UNIQUE (client_id, kind, subject_id)
);
CREATE INDEX ix_registry_review_region_open ON registry_review (region_code, resolved_at, due_on);
