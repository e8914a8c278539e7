-- PIPL hardening, step 3 of 3: the clear columns go (their values were encrypted by V14_1); the
-- encrypted twins of required values become NOT NULL. Sync issue values were already encrypted but
-- in VARCHAR columns too short for ciphertext of long Chinese text: they become TEXT.
-- Reveals of full numbers are throttled per user: refused attempts are logged too (outcome).
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.

ALTER TABLE client DROP COLUMN address;
ALTER TABLE client DROP COLUMN school;
ALTER TABLE client DROP COLUMN father_workplace;
ALTER TABLE client DROP COLUMN mother_workplace;
ALTER TABLE client DROP COLUMN guardian_name;
ALTER TABLE client DROP COLUMN carer_name;
ALTER TABLE client DROP COLUMN supporters;
ALTER TABLE client DROP COLUMN no_id_reason;

ALTER TABLE client_category DROP COLUMN end_reason;

ALTER TABLE household DROP COLUMN address;
ALTER TABLE household DROP COLUMN notes;

ALTER TABLE case_file DROP COLUMN intake_note;
ALTER TABLE case_file DROP COLUMN evaluation;
ALTER TABLE case_file DROP COLUMN follow_up_plan;
ALTER TABLE case_transition DROP COLUMN reason;
ALTER TABLE case_risk_change DROP COLUMN reason;

ALTER TABLE assessment DROP COLUMN answers;
ALTER TABLE assessment DROP COLUMN triggers;
ALTER TABLE assessment DROP COLUMN summary;
ALTER TABLE assessment MODIFY COLUMN answers_enc TEXT NOT NULL;

ALTER TABLE service_plan DROP COLUMN review_comment;
ALTER TABLE service_plan_goal DROP COLUMN goal_text;
ALTER TABLE service_plan_goal MODIFY COLUMN goal_enc TEXT NOT NULL;
ALTER TABLE service_plan_activity DROP COLUMN description;
ALTER TABLE service_plan_activity MODIFY COLUMN description_enc TEXT NOT NULL;
ALTER TABLE supervision_note DROP COLUMN note_text;
ALTER TABLE supervision_note MODIFY COLUMN note_enc TEXT NOT NULL;

ALTER TABLE service_record DROP COLUMN place;
ALTER TABLE service_record DROP COLUMN participants;
ALTER TABLE service_record DROP COLUMN void_reason;

ALTER TABLE flag DROP COLUMN type;
ALTER TABLE flag MODIFY COLUMN type_enc TEXT NOT NULL;
ALTER TABLE flag DROP COLUMN observed_place;
ALTER TABLE flag DROP COLUMN outcome_reason;
ALTER TABLE mandatory_report DROP COLUMN officer;
ALTER TABLE mandatory_report MODIFY COLUMN officer_enc TEXT NOT NULL;
ALTER TABLE mandatory_report DROP COLUMN receipt_number;
ALTER TABLE mandatory_report MODIFY COLUMN receipt_number_enc TEXT NOT NULL;

ALTER TABLE referral DROP COLUMN services_requested;
ALTER TABLE referral MODIFY COLUMN services_requested_enc TEXT NOT NULL;
ALTER TABLE referral DROP COLUMN decline_reason;
ALTER TABLE referral DROP COLUMN return_reason;
ALTER TABLE referral DROP COLUMN revoke_reason;
ALTER TABLE referral DROP COLUMN consented_by;
ALTER TABLE referral DROP COLUMN consent_override_reason;

ALTER TABLE sensitive_access DROP COLUMN reason;
ALTER TABLE sensitive_access MODIFY COLUMN reason_enc TEXT NOT NULL;
ALTER TABLE sensitive_access ADD COLUMN outcome VARCHAR(10) DEFAULT 'REVEALED' NOT NULL;
ALTER TABLE sensitive_access ADD COLUMN actor_id BINARY(16);
-- Counting a user's recent reveals (the throttle) and listing the access log by time.
CREATE INDEX ix_sensitive_access_actor ON sensitive_access (actor, occurred_at);
CREATE INDEX ix_sensitive_access_time ON sensitive_access (occurred_at);

ALTER TABLE change_log DROP COLUMN note;

ALTER TABLE sync_issue MODIFY COLUMN device_value TEXT;
ALTER TABLE sync_issue MODIFY COLUMN server_value TEXT;
ALTER TABLE sync_issue MODIFY COLUMN payload TEXT;
