-- Referral outcomes become structured (issue 15): what the department could provide, as a code the
-- case timeline and the indicators can count (PROVIDED, PARTLY_PROVIDED, NOT_PROVIDED), next to the
-- encrypted free text it already had. Referrals completed before this stay without a result.
ALTER TABLE referral ADD COLUMN result VARCHAR(20);
