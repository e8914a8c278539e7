-- A county supervisor's worklist at province scale (issue 14). A county's visits due and its cases
-- waiting for approval were read from indexes led by the worklist's order (V32, V34) with the
-- county checked in each entry: with 20 counties in one database a county's page walked the
-- entries of all twenty, and for approvals of unknown risk also every case not in review (the
-- ref on a NULL risk cannot skip the NULL days): 54 / 73 ms for pages 1 / 20 at 1,000,000 clients
-- on MariaDB. The county's code, computed from the village code (never written by the
-- application), leads these indexes, so a county's page is one range of its own entries in the
-- worklist's order. V32 and V34 stay for jurisdictions wider than a county.
-- Portable across H2 (MySQL mode) and MariaDB 10.11 (a virtual column; its index stores it).
ALTER TABLE visit_schedule ADD COLUMN county_code CHAR(6) GENERATED ALWAYS AS (SUBSTRING(region_code, 1, 6));
CREATE INDEX ix_visit_schedule_county
    ON visit_schedule (county_code, level_rank, next_due_on, client_id, region_code, visit_level);

-- A case's county only while it waits for approval (its submission day is set exactly then, V34):
-- the cases not in review are all NULL, one range at the start of the index, so a county's
-- approvals of unknown risk no longer pass its ~7,400 cases of unknown risk that are not in review
-- (MariaDB reads "risk IS NULL" as a ref and walks them: 19 ms instead of 1 at 50,000 clients).
ALTER TABLE case_file ADD COLUMN approval_county_code CHAR(6) GENERATED ALWAYS AS (
    CASE WHEN awaiting_approval_since IS NULL THEN NULL ELSE SUBSTRING(region_code, 1, 6) END);
CREATE INDEX ix_case_file_county_approval ON case_file (
    approval_county_code, effective_risk_level, awaiting_approval_since, id, region_code, assigned_worker_id);
