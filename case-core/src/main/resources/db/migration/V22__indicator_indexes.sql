-- Supervisor indicators (issue 12) at county scale: every figure is one aggregate query over a
-- jurisdiction prefix and a period; these indexes let each read only its prefix and period, and
-- answer the counts from the index alone where the columns fit. Portable across H2 (MySQL mode)
-- and MariaDB 10.11.

-- Flags raised in a jurisdiction and period (SLA, times, escalations, monthly trend).
CREATE INDEX ix_flag_village_raised ON flag (village_code, raised_at);

-- Cases opened and closed in a jurisdiction and period (monthly trend, closures).
CREATE INDEX ix_case_file_region_opened ON case_file (region_code, opened_at);
CREATE INDEX ix_case_file_region_closed ON case_file (region_code, closed_at);

-- Visit coverage counts straight from the index: level, due day and last visit of each client.
CREATE INDEX ix_visit_schedule_coverage ON visit_schedule (region_code, visit_level, next_due_on, last_visit_on);

-- Categories of one client (special-difficulty elderly, children without a guardian, registry ledgers).
CREATE INDEX ix_client_category_client ON client_category (client_id, type, sub_type, valid_from);

-- A client's home visits that were not voided, from the index alone (first visit after a flag,
-- elderly monthly coverage, monthly trend).
CREATE INDEX ix_service_record_client_visit ON service_record (client_id, type, voided_at, occurred_at);
