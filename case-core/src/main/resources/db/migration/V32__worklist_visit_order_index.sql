-- A county supervisor's worklist (issue 14): the visits due of a whole county, most urgent first,
-- were read by the (region_code, next_due_on) range and sorted (a filesort of ~36,000 rows for
-- 50,000 clients, about 200 ms on MariaDB). This index holds them in the worklist's order (level,
-- due day, client id) with the village and the level beside, so a page is read in index order and
-- the jurisdiction prefix is checked in the index, without the rows; a village's few clients are
-- still read by the region range. Portable across H2 (MySQL mode) and MariaDB 10.11.
CREATE INDEX ix_visit_schedule_worklist ON visit_schedule (level_rank, next_due_on, client_id, region_code, visit_level);
