-- Foundation schema: regions, organisations, accounts, clients, households, audit.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.
-- UUIDs are BINARY(16); instants are DATETIME(6) in UTC.

CREATE TABLE region (
    code        VARCHAR(12)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(10)  NOT NULL,
    parent_code VARCHAR(12)
);
CREATE INDEX ix_region_parent ON region (parent_code);

CREATE TABLE organisation (
    id            BINARY(16)   NOT NULL PRIMARY KEY,
    version       BIGINT       NOT NULL,
    created_at    DATETIME(6),
    created_by    VARCHAR(64),
    updated_at    DATETIME(6),
    updated_by    VARCHAR(64),
    type          VARCHAR(30)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    region_code   VARCHAR(12)  NOT NULL,
    department    VARCHAR(40),
    contact_name  VARCHAR(50),
    contact_phone VARCHAR(20),
    active        BOOLEAN      NOT NULL
);
CREATE INDEX ix_organisation_region ON organisation (region_code);

CREATE TABLE user_account (
    id                BINARY(16)   NOT NULL PRIMARY KEY,
    version           BIGINT       NOT NULL,
    created_at        DATETIME(6),
    created_by        VARCHAR(64),
    updated_at        DATETIME(6),
    updated_by        VARCHAR(64),
    username          VARCHAR(64)  NOT NULL,
    display_name      VARCHAR(100) NOT NULL,
    password_hash     VARCHAR(200) NOT NULL,
    role              VARCHAR(40)  NOT NULL,
    jurisdiction_code VARCHAR(12)  NOT NULL,
    organisation_id   BINARY(16),
    enabled           BOOLEAN      NOT NULL,
    failed_logins     INT          NOT NULL,
    locked_until      DATETIME(6),
    CONSTRAINT uk_user_account_username UNIQUE (username)
);

CREATE TABLE api_token (
    id         BINARY(16)  NOT NULL PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL,
    user_id    BINARY(16)  NOT NULL,
    issued_at  DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_user ON api_token (user_id);

CREATE TABLE household (
    id          BINARY(16)   NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    created_at  DATETIME(6),
    created_by  VARCHAR(64),
    updated_at  DATETIME(6),
    updated_by  VARCHAR(64),
    name        VARCHAR(50)  NOT NULL,
    region_code VARCHAR(12)  NOT NULL,
    address     VARCHAR(300),
    notes       VARCHAR(500)
);
CREATE INDEX ix_household_region ON household (region_code);

CREATE TABLE client (
    id                    BINARY(16)   NOT NULL PRIMARY KEY,
    version               BIGINT       NOT NULL,
    created_at            DATETIME(6),
    created_by            VARCHAR(64),
    updated_at            DATETIME(6),
    updated_by            VARCHAR(64),
    full_name             VARCHAR(50)  NOT NULL,
    name_pinyin           VARCHAR(200) NOT NULL,
    name_initials         VARCHAR(50)  NOT NULL,
    sex                   VARCHAR(10)  NOT NULL,
    birth_date            DATE         NOT NULL,
    ethnicity             VARCHAR(20),
    id_number_enc         VARCHAR(200),
    id_number_hash        VARCHAR(64),
    id_number_tail        VARCHAR(4),
    no_id_reason          VARCHAR(200),
    phone_enc             VARCHAR(200),
    phone_tail            VARCHAR(4),
    hukou_region_code     VARCHAR(12),
    residence_region_code VARCHAR(12)  NOT NULL,
    address               VARCHAR(300),
    household_id          BINARY(16),
    relation_to_head      VARCHAR(20),
    father_status         VARCHAR(30),
    father_workplace      VARCHAR(200),
    mother_status         VARCHAR(30),
    mother_workplace      VARCHAR(200),
    guardian_name         VARCHAR(50),
    guardian_relation     VARCHAR(30),
    guardian_phone_enc    VARCHAR(200),
    carer_name            VARCHAR(50),
    carer_relation        VARCHAR(30),
    carer_phone_enc       VARCHAR(200),
    school                VARCHAR(100),
    last_parent_contact   DATE,
    living_arrangement    VARCHAR(30),
    supporters            VARCHAR(300),
    CONSTRAINT uk_client_id_number_hash UNIQUE (id_number_hash)
);
-- Scoping is a prefix match on the residence village: this index serves every scoped list.
CREATE INDEX ix_client_residence_name ON client (residence_region_code, full_name);
CREATE INDEX ix_client_pinyin ON client (name_pinyin);
CREATE INDEX ix_client_initials ON client (name_initials);
CREATE INDEX ix_client_id_tail ON client (id_number_tail);
CREATE INDEX ix_client_household ON client (household_id);
CREATE INDEX ix_client_duplicate ON client (full_name, birth_date, residence_region_code);

CREATE TABLE client_category (
    id          BINARY(16)  NOT NULL PRIMARY KEY,
    client_id   BINARY(16)  NOT NULL,
    type        VARCHAR(40) NOT NULL,
    sub_type    VARCHAR(40),
    valid_from  DATE        NOT NULL,
    valid_to    DATE,
    source      VARCHAR(20) NOT NULL,
    verified_by VARCHAR(50),
    end_reason  VARCHAR(200),
    recorded_by VARCHAR(64) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_client_category_client FOREIGN KEY (client_id) REFERENCES client (id)
);
CREATE INDEX ix_client_category_type ON client_category (type, client_id);

CREATE TABLE change_log (
    id          BINARY(16)    NOT NULL PRIMARY KEY,
    entity_type VARCHAR(40)   NOT NULL,
    entity_id   BINARY(16)    NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    fields      VARCHAR(1000),
    note        VARCHAR(300),
    actor       VARCHAR(64)   NOT NULL,
    occurred_at DATETIME(6)   NOT NULL
);
CREATE INDEX ix_change_log_entity ON change_log (entity_id, occurred_at);

CREATE TABLE sensitive_access (
    id          BINARY(16)   NOT NULL PRIMARY KEY,
    actor       VARCHAR(64)  NOT NULL,
    client_id   BINARY(16)   NOT NULL,
    reason      VARCHAR(200) NOT NULL,
    occurred_at DATETIME(6)  NOT NULL
);
CREATE INDEX ix_sensitive_access_client ON sensitive_access (client_id, occurred_at);
