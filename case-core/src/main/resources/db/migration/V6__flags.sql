-- Flags (风险上报), their notes and photos, and mandatory reports to the police (强制报告).
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.

-- A sent flag is never updated except by triage and escalation marks; additions are notes.
-- About a registry child (client_id) or a new minimal record (subject_* columns).
-- Name, guardian contact and description are encrypted at rest.
CREATE TABLE flag (
    id                    BINARY(16)   NOT NULL PRIMARY KEY,
    version               BIGINT       NOT NULL,
    created_at            DATETIME(6),
    created_by            VARCHAR(64),
    updated_at            DATETIME(6),
    updated_by            VARCHAR(64),
    village_code          VARCHAR(12)  NOT NULL,
    client_id             BINARY(16),
    subject_name_enc      TEXT,
    subject_sex           VARCHAR(10),
    subject_age_years     INT,
    guardian_contact_enc  TEXT,
    type                  VARCHAR(50)  NOT NULL,
    severity              VARCHAR(10)  NOT NULL,
    description_enc       TEXT         NOT NULL,
    observed_at           DATETIME(6)  NOT NULL,
    observed_place        VARCHAR(200),
    reporter_id           BINARY(16)   NOT NULL,
    reporter_username     VARCHAR(64)  NOT NULL,
    raised_at             DATETIME(6)  NOT NULL,
    triage_due_at         DATETIME(6)  NOT NULL,
    county_due_at         DATETIME(6)  NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    outcome               VARCHAR(20),
    outcome_case_id       BINARY(16),
    outcome_client_id     BINARY(16),
    outcome_reason        VARCHAR(500),
    triaged_by            VARCHAR(64),
    triaged_at            DATETIME(6),
    escalated_head_at     DATETIME(6),
    escalated_county_at   DATETIME(6),
    CONSTRAINT fk_flag_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_flag_reporter FOREIGN KEY (reporter_id) REFERENCES user_account (id)
);
-- The triage queue and supervisor counts: untriaged flags of a jurisdiction prefix.
CREATE INDEX ix_flag_status_village ON flag (status, village_code);
-- The escalation job: untriaged flags past a deadline.
CREATE INDEX ix_flag_status_due ON flag (status, triage_due_at);
CREATE INDEX ix_flag_reporter ON flag (reporter_id, raised_at);
CREATE INDEX ix_flag_client ON flag (client_id);

CREATE TABLE flag_note (
    id          BINARY(16)   NOT NULL PRIMARY KEY,
    flag_id     BINARY(16)   NOT NULL,
    text_enc    TEXT         NOT NULL,
    written_by  VARCHAR(64)  NOT NULL,
    written_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_flag_note_flag FOREIGN KEY (flag_id) REFERENCES flag (id)
);
CREATE INDEX ix_flag_note_flag ON flag_note (flag_id, written_at);

-- At most one photo per flag, encrypted (base64 of AES-GCM of the image bytes).
CREATE TABLE flag_photo (
    flag_id       BINARY(16)   NOT NULL PRIMARY KEY,
    content_type  VARCHAR(30)  NOT NULL,
    size_bytes    INT          NOT NULL,
    data_enc      LONGTEXT     NOT NULL,
    CONSTRAINT fk_flag_photo_flag FOREIGN KEY (flag_id) REFERENCES flag (id)
);

-- The report to the police for a flag or a case, and the notices to 民政 and the minor
-- protection station. One per flag; a case may have several (new incidents).
CREATE TABLE mandatory_report (
    id                          BINARY(16)   NOT NULL PRIMARY KEY,
    version                     BIGINT       NOT NULL,
    created_at                  DATETIME(6),
    created_by                  VARCHAR(64),
    updated_at                  DATETIME(6),
    updated_by                  VARCHAR(64),
    flag_id                     BINARY(16),
    case_id                     BINARY(16),
    village_code                VARCHAR(12)  NOT NULL,
    reported_at                 DATETIME(6)  NOT NULL,
    receiving_unit              VARCHAR(200) NOT NULL,
    officer                     VARCHAR(100) NOT NULL,
    receipt_number              VARCHAR(100) NOT NULL,
    reported_by                 VARCHAR(100) NOT NULL,
    civil_affairs_notified_at   DATETIME(6)  NOT NULL,
    minor_protection_notified_at DATETIME(6) NOT NULL,
    recorded_by                 VARCHAR(64)  NOT NULL,
    recorded_at                 DATETIME(6)  NOT NULL,
    CONSTRAINT uq_mandatory_report_flag UNIQUE (flag_id),
    CONSTRAINT fk_mandatory_report_flag FOREIGN KEY (flag_id) REFERENCES flag (id),
    CONSTRAINT fk_mandatory_report_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_mandatory_report_village ON mandatory_report (village_code, reported_at);
CREATE INDEX ix_mandatory_report_case ON mandatory_report (case_id);
