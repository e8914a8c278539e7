package org.casework.core.indicators;

/** A dashboard figure whose items can be listed (the drill-down behind a number). */
public enum Figure {
    /** Clients whose next visit is past due (today's schedule). */
    VISITS_OVERDUE,
    /** Clients whose next visit falls due within 7 days. */
    VISITS_DUE_SOON,
    /** Special-difficulty elderly without a home visit in the period's last month. */
    ELDERLY_NOT_VISITED,
    /** Flags raised in the period whose triage missed the SLA (late, or untriaged past due). */
    FLAGS_SLA_MISSED,
    /** Flags raised in the period. */
    FLAGS_RAISED,
    /** Open cases (by region, risk, state or worker). */
    CASES_OPEN,
    /** Open cases whose approved plan is past its review date. */
    PLANS_OVERDUE,
    /** Cases closed in the period without a reason. */
    CLOSED_WITHOUT_REASON,
    /** Cases closed in the period whose first follow-up is overdue. */
    FOLLOW_UP_OVERDUE
}
