-- Cases (个案): lifecycle, risk history, county-wide numbering.

CREATE TABLE case_file (
    id                       BINARY(16)    NOT NULL PRIMARY KEY,
    version                  BIGINT        NOT NULL,
    created_at               DATETIME(6),
    created_by               VARCHAR(64),
    updated_at               DATETIME(6),
    updated_by               VARCHAR(64),
    case_number              VARCHAR(20)   NOT NULL,
    primary_client_id        BINARY(16)    NOT NULL,
    region_code              VARCHAR(12)   NOT NULL,
    station_id               BINARY(16)    NOT NULL,
    assigned_worker_id       BINARY(16),
    source                   VARCHAR(30)   NOT NULL,
    state                    VARCHAR(20)   NOT NULL,
    state_before_suspension  VARCHAR(20),
    risk_level               VARCHAR(10),
    proposed_risk_level      VARCHAR(10),
    intake_basis             VARCHAR(30),
    intake_note              VARCHAR(500),
    evaluation               VARCHAR(2000),
    closure_reason           VARCHAR(30),
    follow_up_plan           VARCHAR(1000),
    closed_at                DATETIME(6),
    first_follow_up_due      DATE,
    second_follow_up_due     DATE,
    follow_ups_done          INT           NOT NULL,
    opened_at                DATETIME(6)   NOT NULL,
    CONSTRAINT uk_case_file_number UNIQUE (case_number)
);
-- Scoped lists: a station's or county's open cases by state.
CREATE INDEX ix_case_file_region_state ON case_file (region_code, state);
CREATE INDEX ix_case_file_worker_state ON case_file (assigned_worker_id, state);
CREATE INDEX ix_case_file_client ON case_file (primary_client_id);

CREATE TABLE case_member (
    case_id   BINARY(16) NOT NULL,
    client_id BINARY(16) NOT NULL,
    PRIMARY KEY (case_id, client_id),
    CONSTRAINT fk_case_member_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);

CREATE TABLE case_transition (
    id          BINARY(16)    NOT NULL PRIMARY KEY,
    case_id     BINARY(16)    NOT NULL,
    from_state  VARCHAR(20),
    to_state    VARCHAR(20)   NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    reason      VARCHAR(1000),
    actor       VARCHAR(64)   NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    CONSTRAINT fk_case_transition_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_case_transition_case ON case_transition (case_id, occurred_at);

CREATE TABLE case_risk_change (
    id          BINARY(16)   NOT NULL PRIMARY KEY,
    case_id     BINARY(16)   NOT NULL,
    level       VARCHAR(10)  NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    reason      VARCHAR(500),
    actor       VARCHAR(64)  NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    CONSTRAINT fk_case_risk_change_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_case_risk_change_case ON case_risk_change (case_id, occurred_at);

-- One row per county and year; taken with a row lock so numbers have no gaps or duplicates.
CREATE TABLE case_number_sequence (
    county_code VARCHAR(6) NOT NULL,
    year_number INT        NOT NULL,
    last_value  INT        NOT NULL,
    PRIMARY KEY (county_code, year_number)
);
