-- PIPL hardening, step 1 of 3: encrypted twins of the free texts and sensitive answers that were
-- stored in clear. Step 2 (V14_1, a Java migration: org.casework.core.shared.FreeTextEncryption)
-- encrypts the existing values into them with the configured key; step 3 (V14_2) drops the clear
-- columns. Every *_enc column holds base64 of AES-256-GCM (FieldCipher); TEXT because ciphertext
-- is about 1.4 times the UTF-8 bytes, and the typed length limits are checked by the services.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.

ALTER TABLE client ADD COLUMN address_enc TEXT;
ALTER TABLE client ADD COLUMN school_enc TEXT;
ALTER TABLE client ADD COLUMN father_workplace_enc TEXT;
ALTER TABLE client ADD COLUMN mother_workplace_enc TEXT;
ALTER TABLE client ADD COLUMN guardian_name_enc TEXT;
ALTER TABLE client ADD COLUMN carer_name_enc TEXT;
ALTER TABLE client ADD COLUMN supporters_enc TEXT;
ALTER TABLE client ADD COLUMN no_id_reason_enc TEXT;

ALTER TABLE client_category ADD COLUMN end_reason_enc TEXT;

ALTER TABLE household ADD COLUMN address_enc TEXT;
ALTER TABLE household ADD COLUMN notes_enc TEXT;

ALTER TABLE case_file ADD COLUMN intake_note_enc TEXT;
ALTER TABLE case_file ADD COLUMN evaluation_enc TEXT;
ALTER TABLE case_file ADD COLUMN follow_up_plan_enc TEXT;
ALTER TABLE case_transition ADD COLUMN reason_enc TEXT;
ALTER TABLE case_risk_change ADD COLUMN reason_enc TEXT;

ALTER TABLE assessment ADD COLUMN answers_enc TEXT;
ALTER TABLE assessment ADD COLUMN triggers_enc TEXT;
ALTER TABLE assessment ADD COLUMN summary_enc TEXT;

ALTER TABLE service_plan ADD COLUMN review_comment_enc TEXT;
ALTER TABLE service_plan_goal ADD COLUMN goal_enc TEXT;
ALTER TABLE service_plan_activity ADD COLUMN description_enc TEXT;
ALTER TABLE supervision_note ADD COLUMN note_enc TEXT;

ALTER TABLE service_record ADD COLUMN place_enc TEXT;
ALTER TABLE service_record ADD COLUMN participants_enc TEXT;
ALTER TABLE service_record ADD COLUMN void_reason_enc TEXT;

ALTER TABLE flag ADD COLUMN type_enc TEXT;
ALTER TABLE flag ADD COLUMN observed_place_enc TEXT;
ALTER TABLE flag ADD COLUMN outcome_reason_enc TEXT;
ALTER TABLE mandatory_report ADD COLUMN officer_enc TEXT;
ALTER TABLE mandatory_report ADD COLUMN receipt_number_enc TEXT;

ALTER TABLE referral ADD COLUMN services_requested_enc TEXT;
ALTER TABLE referral ADD COLUMN decline_reason_enc TEXT;
ALTER TABLE referral ADD COLUMN return_reason_enc TEXT;
ALTER TABLE referral ADD COLUMN revoke_reason_enc TEXT;
ALTER TABLE referral ADD COLUMN consented_by_enc TEXT;
ALTER TABLE referral ADD COLUMN consent_override_reason_enc TEXT;

ALTER TABLE sensitive_access ADD COLUMN reason_enc TEXT;
ALTER TABLE change_log ADD COLUMN note_enc TEXT;
