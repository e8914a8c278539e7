-- Supervisor indicators (issue 12): the special-difficulty elderly coverage starts from the
-- categories of that sub-type (about 2,000 of a county's 50,000 clients) instead of checking every
-- client of the jurisdiction for one (measured in docs/benchmarks.md: on H2 most of visit
-- coverage's time at county scale). Portable across H2 (MySQL mode) and MariaDB 10.11.
CREATE INDEX ix_client_category_sub_type ON client_category (type, sub_type, valid_from, client_id);
