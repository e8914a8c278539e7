-- Plan activities owned by someone other than station staff (issue 15): the village child
-- director of the client's village is a user account and keeps using responsible_worker_id; a
-- partner organisation is either a registered organisation (partner_organisation_id) or written
-- in by hand (name, and contact person and phone). The hand-written partner may name a person and
-- a phone number, so both texts are encrypted at rest like the description.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11.
ALTER TABLE service_plan_activity ADD COLUMN partner_organisation_id BINARY(16);
ALTER TABLE service_plan_activity ADD COLUMN partner_name_enc TEXT;
ALTER TABLE service_plan_activity ADD COLUMN partner_contact_enc TEXT;
