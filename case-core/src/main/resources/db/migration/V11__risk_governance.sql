-- Risk governance (issue 11): the level that counts is kept on the case for SQL lists and counts,
-- and every decision records the proposal it was made against.

ALTER TABLE case_file ADD COLUMN effective_risk_level VARCHAR(10);
-- Until now the level that counted was the confirmed one, else the proposal.
UPDATE case_file SET effective_risk_level = COALESCE(risk_level, proposed_risk_level);

ALTER TABLE case_risk_change ADD COLUMN proposed_level VARCHAR(10);

-- The visit schedule says what drives the level (a case, a flag, an assessment, the registry rules).
ALTER TABLE visit_schedule ADD COLUMN level_source VARCHAR(20);
ALTER TABLE visit_schedule ADD COLUMN level_reference VARCHAR(40);
ALTER TABLE visit_schedule ADD COLUMN level_triggers VARCHAR(500);

-- How an assessment's result was computed (the age the rules used and where it came from).
ALTER TABLE assessment ADD COLUMN result_notes VARCHAR(300);
