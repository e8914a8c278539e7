-- Web sessions in the database (Spring Session JDBC), so a user whose requests move between server
-- instances behind the load balancer stays logged in. The layout is Spring Session's own MySQL
-- schema (its initializer is switched off: Flyway is the only schema source). The table names are
-- upper case because Spring Session's SQL writes them so, and MySQL/MariaDB on Linux compare table
-- names case-sensitively (H2 here folds them to lower case either way). Both tables have a primary
-- key, as Galera requires. Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         BIGINT       NOT NULL,
    LAST_ACCESS_TIME      BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL INT          NOT NULL,
    EXPIRY_TIME           BIGINT       NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX ux_spring_session_id ON SPRING_SESSION (SESSION_ID);
CREATE INDEX ix_spring_session_expiry ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX ix_spring_session_principal ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    LONGBLOB     NOT NULL,
    PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT fk_spring_session_attributes FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);
