-- A supervisor's approvals (issue 14) are listed by risk, then by the day (in China) the case entered
-- its review state, then by id. That day was computed per case by a subquery over case_transition
-- (the latest transition into the case's current state) for every approval of the jurisdiction, and
-- the last (risk, day) group of a page was read again: about 140 ms for a county's page 20 on
-- MariaDB at 50,000 clients. The day is now kept on the case by CaseFile on every transition: set
-- while the case is in PLAN_REVIEW or CLOSURE_REVIEW, null otherwise. Backfilled here as the
-- subquery computed it: the day in Asia/Shanghai (UTC+8 since 1991; times are stored in UTC) of the
-- latest transition into the current state; a case in review without such a transition counted as
-- submitted "today", which is stored as the day of this migration (the application never writes
-- such a case: every state change appends its transition in the same transaction).
ALTER TABLE case_file ADD COLUMN awaiting_approval_since DATE;

UPDATE case_file SET awaiting_approval_since = COALESCE(
        (SELECT CAST(TIMESTAMPADD(HOUR, 8, MAX(t.occurred_at)) AS DATE) FROM case_transition t
          WHERE t.case_id = case_file.id AND t.to_state = case_file.state),
        CURRENT_DATE)
    WHERE state IN ('PLAN_REVIEW', 'CLOSURE_REVIEW');

-- The approvals of one risk in the worklist's order (day, id), with the village and the worker beside:
-- a county's page is read in index order, the jurisdiction prefix and "not my own case" checked in
-- the index, and stops after the page. Cases not in review (null day) are one range that is skipped.
-- Portable across H2 (MySQL mode) and MariaDB 10.11.
CREATE INDEX ix_case_file_awaiting_approval
    ON case_file (effective_risk_level, awaiting_approval_since, id, region_code, assigned_worker_id);
