-- Service plans (服务计划) and supervision notes (督导记录).
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.
-- A plan is versioned per case; approved and returned versions are kept unchanged, and a
-- returned plan is revised as a new row. Notes are append-only.

CREATE TABLE service_plan (
    id                      BINARY(16)    NOT NULL PRIMARY KEY,
    version                 BIGINT        NOT NULL,
    created_at              DATETIME(6),
    created_by              VARCHAR(64),
    updated_at              DATETIME(6),
    updated_by              VARCHAR(64),
    case_id                 BINARY(16)    NOT NULL,
    version_number          INT           NOT NULL,
    status                  VARCHAR(10)   NOT NULL,
    review_date             DATE,
    based_on                BINARY(16),
    submitted_by            VARCHAR(64),
    submitted_at            DATETIME(6),
    reviewed_by             VARCHAR(64),
    reviewed_at             DATETIME(6),
    review_comment          VARCHAR(1000),
    approved_without_review BOOLEAN       NOT NULL,
    -- Two drafts racing for the same case cannot both take the next version number.
    CONSTRAINT uk_service_plan_case_version UNIQUE (case_id, version_number),
    CONSTRAINT fk_service_plan_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_service_plan_based_on FOREIGN KEY (based_on) REFERENCES service_plan (id)
);
-- Plans due for review, for supervisors' indicators.
CREATE INDEX ix_service_plan_status_review ON service_plan (status, review_date);

CREATE TABLE service_plan_goal (
    plan_id    BINARY(16)   NOT NULL,
    list_index INT          NOT NULL,
    goal_text  VARCHAR(500) NOT NULL,
    PRIMARY KEY (plan_id, list_index),
    CONSTRAINT fk_service_plan_goal_plan FOREIGN KEY (plan_id) REFERENCES service_plan (id)
);

-- activity_id is unique within its plan by construction; no unique key, because reordering a
-- list updates rows in place and would trip it halfway.
CREATE TABLE service_plan_activity (
    plan_id               BINARY(16)   NOT NULL,
    list_index            INT          NOT NULL,
    activity_id           BINARY(16)   NOT NULL,
    type                  VARCHAR(30)  NOT NULL,
    description           VARCHAR(500) NOT NULL,
    responsible_worker_id BINARY(16),
    due_date              DATE,
    done_on               DATE,
    done_by               VARCHAR(64),
    PRIMARY KEY (plan_id, list_index),
    CONSTRAINT fk_service_plan_activity_plan FOREIGN KEY (plan_id) REFERENCES service_plan (id)
);
-- A worker's due activities, for worklists.
CREATE INDEX ix_service_plan_activity_worker ON service_plan_activity (responsible_worker_id, due_date);

CREATE TABLE supervision_note (
    id          BINARY(16)    NOT NULL PRIMARY KEY,
    case_id     BINARY(16)    NOT NULL,
    author_id   BINARY(16)    NOT NULL,
    author      VARCHAR(64)   NOT NULL,
    note_text   VARCHAR(2000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_supervision_note_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_supervision_note_case ON supervision_note (case_id, created_at);
