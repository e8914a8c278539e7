-- Household lists are sorted by pinyin (张 under Z, as in a paper register), not by code point.
-- V17_1 (HouseholdPinyinBackfill, Java) fills the key of existing households.
ALTER TABLE household ADD COLUMN name_pinyin VARCHAR(200);
CREATE INDEX ix_household_region_pinyin ON household (region_code, name_pinyin);
