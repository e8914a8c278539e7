-- Referrals (转介) to partner departments: the referral, the client information it shares, and
-- the receiving department's progress notes.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.

-- Nothing is deleted: a referral ends declined, completed, returned or revoked, with who, when
-- and why. Free texts that may describe the client (reason, outcome) are encrypted at rest
-- (base64 of AES-GCM). flag_id has no foreign key: referrals straight from a flag are wired by
-- the flags feature.
CREATE TABLE referral (
    id                        BINARY(16)    NOT NULL PRIMARY KEY,
    version                   BIGINT        NOT NULL,
    created_at                DATETIME(6),
    created_by                VARCHAR(64),
    updated_at                DATETIME(6),
    updated_by                VARCHAR(64),
    client_id                 BINARY(16)    NOT NULL,
    case_id                   BINARY(16),
    flag_id                   BINARY(16),
    previous_referral_id      BINARY(16),
    sending_organisation_id   BINARY(16)    NOT NULL,
    sending_region_code       VARCHAR(12)   NOT NULL,
    sender_id                 BINARY(16)    NOT NULL,
    sent_by                   VARCHAR(64)   NOT NULL,
    sent_at                   DATETIME(6)   NOT NULL,
    receiving_organisation_id BINARY(16)    NOT NULL,
    status                    VARCHAR(20)   NOT NULL,
    urgency                   VARCHAR(10)   NOT NULL,
    reason_enc                TEXT          NOT NULL,
    services_requested        VARCHAR(500)  NOT NULL,
    consent_basis             VARCHAR(30)   NOT NULL,
    consented_by              VARCHAR(50),
    consented_on              DATE,
    consent_override_reason   VARCHAR(500),
    response_due_at           DATETIME(6)   NOT NULL,
    escalated_at              DATETIME(6),
    accepted_at               DATETIME(6),
    accepted_by               VARCHAR(64),
    declined_at               DATETIME(6),
    declined_by               VARCHAR(64),
    decline_reason            VARCHAR(500),
    started_at                DATETIME(6),
    started_by                VARCHAR(64),
    last_progress_at          DATETIME(6),
    completed_at              DATETIME(6),
    completed_by              VARCHAR(64),
    outcome_enc               TEXT,
    returned_at               DATETIME(6),
    returned_by               VARCHAR(64),
    return_reason             VARCHAR(500),
    revoked_at                DATETIME(6),
    revoked_by                VARCHAR(64),
    revoke_reason             VARCHAR(500),
    CONSTRAINT fk_referral_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_referral_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_referral_sending_org FOREIGN KEY (sending_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_referral_receiving_org FOREIGN KEY (receiving_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_referral_previous FOREIGN KEY (previous_referral_id) REFERENCES referral (id)
);
-- A department's inbox, a township's sent box (scope prefix), a case's referrals, and the
-- escalation job's look-up of referrals still waiting past their due time.
CREATE INDEX ix_referral_receiver ON referral (receiving_organisation_id, status, sent_at);
CREATE INDEX ix_referral_sending_region ON referral (sending_region_code, status, sent_at);
CREATE INDEX ix_referral_case ON referral (case_id, sent_at);
CREATE INDEX ix_referral_previous ON referral (previous_referral_id);
CREATE INDEX ix_referral_waiting ON referral (status, response_due_at);

-- The snapshot of exactly the fields the sender chose to share, as they were at send time; the
-- receiving department sees these values and nothing else of the client. Encrypted at rest.
CREATE TABLE referral_shared_field (
    referral_id BINARY(16)  NOT NULL,
    field       VARCHAR(30) NOT NULL,
    value_enc   TEXT,
    CONSTRAINT pk_referral_shared_field PRIMARY KEY (referral_id, field),
    CONSTRAINT fk_referral_shared_field_referral FOREIGN KEY (referral_id) REFERENCES referral (id)
);

-- Append-only progress notes (进展) of the receiving department.
CREATE TABLE referral_progress_note (
    id          BINARY(16)  NOT NULL PRIMARY KEY,
    referral_id BINARY(16)  NOT NULL,
    author_id   BINARY(16)  NOT NULL,
    author      VARCHAR(64) NOT NULL,
    note_enc    TEXT        NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_referral_progress_note_referral FOREIGN KEY (referral_id) REFERENCES referral (id)
);
CREATE INDEX ix_referral_progress_note_referral ON referral_progress_note (referral_id, created_at);
