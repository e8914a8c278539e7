-- Supervisor indicators (issue 12): a snapshot of the figures that read every client and every
-- home visit of a county, so the county dashboard does not (measured in docs/benchmarks.md: data
-- quality and the monthly trend were two thirds of its time). Refreshed by IndicatorSnapshot
-- (nightly, ShedLock); docs/indicators.md says how fresh each figure is. Portable across H2
-- (MySQL mode) and MariaDB 10.11.

-- Registry data quality per residence region (village), as of the refresh.
CREATE TABLE indicator_region_quality (
    region_code               VARCHAR(12) NOT NULL PRIMARY KEY,
    clients                   BIGINT      NOT NULL,
    missing_id                BIGINT      NOT NULL,
    missing_id_without_reason BIGINT      NOT NULL,
    children_without_guardian BIGINT      NOT NULL,
    untouched                 BIGINT      NOT NULL
);

-- Home visits (not voided) per residence region of the client and China month (yyyymm), for the
-- months before visits_before of the snapshot; later months are counted live.
CREATE TABLE indicator_region_visits (
    region_code VARCHAR(12) NOT NULL,
    visit_month INT         NOT NULL,
    home_visits BIGINT      NOT NULL,
    PRIMARY KEY (region_code, visit_month)
);

-- One row: when the snapshot was taken, with which untouched-days setting, and the UTC start of
-- the China month from which home visits are counted live.
CREATE TABLE indicator_snapshot (
    id             INT         NOT NULL PRIMARY KEY,
    refreshed_at   DATETIME(6) NOT NULL,
    untouched_days INT         NOT NULL,
    visits_before  DATETIME(6) NOT NULL
);
