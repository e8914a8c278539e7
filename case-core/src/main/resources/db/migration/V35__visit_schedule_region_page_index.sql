-- A station's worklist at province scale (issue 14): a township's visits due were read by the
-- (region_code, next_due_on) range, and each of its ~4,000 entries was looked up in the table for
-- the level and then joined to its client before the sort kept the page (30-40 ms on MariaDB at
-- 1,000,000 clients, 4 GiB buffer pool). With the level beside the due day the range holds
-- everything the page's order needs (the client id is in every InnoDB secondary index), so the
-- page is sorted from the index alone and only its rows are joined to their clients (3-9 ms).
-- Same name, same leading columns: every query that read the old index reads this one.
-- Portable across H2 (MySQL mode) and MariaDB 10.11.
ALTER TABLE visit_schedule DROP INDEX ix_visit_schedule_region_due;
CREATE INDEX ix_visit_schedule_region_due ON visit_schedule (region_code, next_due_on, level_rank, visit_level);
