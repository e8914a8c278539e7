-- ShedLock's lock rows: a daily job (the nightly visit-schedule refresh, the 留守儿童 age-out) runs on
-- one server instance only; the others find the row locked and skip that run. One row per job name,
-- times from the database's clock (UTC). Primary key on name, as Galera requires.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);
