-- Web sessions in the database (Spring Session JDBC), so a user whose requests move between server
-- instances behind the load balancer stays logged in. The layout is Spring Session's own MySQL
-- schema (its initializer is switched off: Flyway is the only schema source). Both tables have a
-- primary key, as Galera requires. Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11.
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT pk_spring_session PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX ux_spring_session_id ON spring_session (session_id);
CREATE INDEX ix_spring_session_expiry ON spring_session (expiry_time);
CREATE INDEX ix_spring_session_principal ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    LONGBLOB     NOT NULL,
    CONSTRAINT pk_spring_session_attributes PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT fk_spring_session_attributes FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
