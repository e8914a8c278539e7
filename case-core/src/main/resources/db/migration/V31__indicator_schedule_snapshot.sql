-- Supervisor indicators (issue 12): visit coverage without aggregating every visit schedule of a
-- county on each request (measured in docs/benchmarks.md: the largest part of the county
-- dashboard on H2). The nightly indicator snapshot (IndicatorSnapshot) also counts today's
-- schedules per village and visit level; docs/indicators.md says how fresh they are. Portable
-- across H2 (MySQL mode) and MariaDB 10.11.

-- Schedules per village and level as of schedules_on: all, overdue (next visit before that day),
-- due within the worklist's 7 days.
CREATE TABLE indicator_region_schedules (
    region_code VARCHAR(12) NOT NULL,
    visit_level VARCHAR(10) NOT NULL,
    schedules   BIGINT      NOT NULL,
    overdue     BIGINT      NOT NULL,
    due_soon    BIGINT      NOT NULL,
    PRIMARY KEY (region_code, visit_level)
);

-- The China day the schedule counts are for; used only on that day (null: no counts taken).
ALTER TABLE indicator_snapshot ADD COLUMN schedules_on DATE;

-- Schedules visited in a period (the coverage's "visited" figure, still live): a range of days.
CREATE INDEX ix_visit_schedule_last_visit ON visit_schedule (last_visit_on, region_code);
