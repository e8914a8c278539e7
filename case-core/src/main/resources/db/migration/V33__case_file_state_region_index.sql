-- A supervisor's approvals (issue 14) are counted by state and jurisdiction: the cases in review of
-- a county, not assigned to the supervisor. With several counties in one database the county prefix
-- matches too much of (region_code, state) and MariaDB scanned the whole case_file table (39,642
-- rows at 4 counties, 178-296 ms). Led by the state, the few cases in review of the county are one
-- short range, and the worker and client beside make the count an index-only read (measured on
-- MariaDB at 200,000 clients: range, 2,523 rows, Using index, 18-25 ms). Portable across H2 (MySQL
-- mode) and MariaDB 10.11.
CREATE INDEX ix_case_file_state_region ON case_file (state, region_code, assigned_worker_id, primary_client_id);
