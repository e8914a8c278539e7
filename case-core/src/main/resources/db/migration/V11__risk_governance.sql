-- Risk governance (issue 11): the level that counts is kept on the case for SQL lists and counts,
-- and every decision records the proposal it was made against.

ALTER TABLE case_file ADD COLUMN effective_risk_level VARCHAR(10);
-- Until now the level that counted was the confirmed one, else the proposal.
UPDATE case_file SET effective_risk_level = COALESCE(risk_level, proposed_risk_level);

ALTER TABLE case_risk_change ADD COLUMN proposed_level VARCHAR(10);
