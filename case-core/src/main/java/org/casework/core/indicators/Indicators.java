package org.casework.core.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.casework.core.cases.CaseState;
import org.casework.core.shared.RiskLevel;

/**
 * The supervisor indicators of one jurisdiction and period. Elapsed times are in minutes, shares
 * in percent (null when there is nothing to divide by). Visit coverage is the state of the visit
 * schedule today (schedules keep no history); every other figure counts what happened in the period.
 */
public record Indicators(
        String jurisdiction,
        String jurisdictionName,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        Breakdown breakdown,
        Caseload caseload,
        Visits visits,
        Flags flags,
        MandatoryReports mandatoryReports,
        Cases cases,
        Referrals referrals,
        DataQuality dataQuality,
        List<UserReveals> reveals,
        List<MonthTrend> trend) {

    /** Open cases per worker; {@code overloaded} when open cases exceed the county threshold. */
    public record Caseload(int overloadThreshold, long overloadedWorkers, List<WorkerLoad> workers) {}

    /** {@code workerId} is null for the row of unassigned cases. */
    public record WorkerLoad(
            UUID workerId,
            String username,
            String displayName,
            long openCases,
            long activeCases,
            long redOrangeCases,
            boolean overloaded) {}

    /**
     * Clients with a visit schedule: on time (next visit not yet past due), due within 7 days, overdue;
     * visited in the period (last visit in it); special-difficulty elderly (特困老人) visited at home in
     * the period's last month.
     */
    public record Visits(
            long scheduled,
            long onTime,
            long dueSoon,
            long overdue,
            long visitedInPeriod,
            Double onTimePercent,
            List<LevelCoverage> byLevel,
            List<RegionCoverage> byRegion,
            ElderlyCoverage specialDifficultyElderly) {}

    public record LevelCoverage(RiskLevel level, long scheduled, long onTime, long dueSoon, long overdue) {}

    public record RegionCoverage(
            String regionCode,
            String regionName,
            long scheduled,
            long onTime,
            long dueSoon,
            long overdue,
            Double onTimePercent,
            long specialElderly,
            long specialElderlyVisited) {}

    public record ElderlyCoverage(LocalDate monthFrom, LocalDate monthTo, long clients, long visited, Double percent) {}

    /**
     * Flags raised in the period: triage within the SLA (hit), after it or still untriaged past it
     * (missed), untriaged and not yet due (pending); time to triage and to the first home visit.
     */
    public record Flags(
            long raised,
            long triaged,
            long slaHit,
            long slaMissed,
            long pending,
            Double slaHitPercent,
            Long triageMedianMinutes,
            Long triageP90Minutes,
            long visited,
            Long firstVisitMedianMinutes,
            Long firstVisitP90Minutes,
            long escalatedToHead,
            long escalatedToCounty,
            List<SeverityFlags> bySeverity) {}

    public record SeverityFlags(
            RiskLevel severity, long raised, long triaged, long slaHit, long slaMissed, long pending) {}

    /** Reports to the police recorded in the period, and the time from the flag to the report. */
    public record MandatoryReports(long reports, long fromFlags, Long medianMinutes, Long p90Minutes) {}

    /**
     * Open cases, approved plans past their review date, closures in the period without a reason,
     * without a follow-up plan (when the reason needs one), or with the first follow-up overdue.
     */
    public record Cases(
            long open,
            long plansOverdueForReview,
            long closed,
            long closedWithoutReason,
            long closedWithoutFollowUpPlan,
            long followUpOverdue,
            List<RiskStateCount> byRegion) {}

    /** {@code risk} is null while the case's risk is not yet known. */
    public record RiskStateCount(String regionCode, String regionName, RiskLevel risk, CaseState state, long count) {}

    /**
     * Referrals sent in the period (revoked ones left out): answered (accepted or declined), loop
     * closed (completed with an outcome, or declined), waiting past the response deadline.
     */
    public record Referrals(
            long sent,
            long answered,
            long closed,
            long waitingPastDue,
            Double closedPercent,
            Long responseMedianMinutes,
            List<DepartmentReferrals> byDepartment) {}

    public record DepartmentReferrals(
            UUID organisationId,
            String name,
            long sent,
            long answered,
            long closed,
            long waitingPastDue,
            Double closedPercent,
            Long responseMedianMinutes) {}

    /**
     * Registry quality: clients without an ID number (and those without a reason for it), children
     * (left-behind or in difficulty) without a guardian, records untouched for {@code untouchedDays};
     * {@code asOf} is when the snapshot they come from was taken, null when counted live.
     */
    public record DataQuality(
            long clients,
            long missingId,
            long missingIdWithoutReason,
            long childrenWithoutGuardian,
            long untouched,
            int untouchedDays,
            Instant asOf) {

        /** {@code asOf} as a China wall-clock time, for pages; null when counted live. */
        public java.time.LocalDateTime asOfInChina() {
            return asOf == null
                    ? null
                    : java.time.LocalDateTime.ofInstant(asOf, org.casework.core.shared.ChinaTime.ZONE);
        }
    }

    /**
     * Full views of ID or phone numbers of the jurisdiction's clients in the period, per user: by
     * the name people know each other by, with the login an auditor searches by.
     */
    public record UserReveals(String username, String displayName, long reveals, long outsideCaseload) {}

    public record MonthTrend(YearMonth month, long flagsRaised, long casesOpened, long homeVisits) {}
}
