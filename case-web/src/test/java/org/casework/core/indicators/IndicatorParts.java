package org.casework.core.indicators;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;

/**
 * For the benchmark: each figure of {@link IndicatorService#indicators} as its own call, so a run
 * can time which indicator costs what. Lives in the indicators package to reach its package-private
 * parts; the caller must already be signed in as a supervisor (the scope is checked as usual).
 */
public final class IndicatorParts {

    private IndicatorParts() {}

    /** The parts in the order the service computes them; each returns a size for the report. */
    public static Map<String, Supplier<Integer>> of(
            ApplicationContext context, String jurisdiction, LocalDate from, LocalDate to) {
        IndicatorService service = context.getBean(IndicatorService.class);
        CaseIndicators cases = context.getBean(CaseIndicators.class);
        VisitIndicators visits = context.getBean(VisitIndicators.class);
        FlagIndicators flags = context.getBean(FlagIndicators.class);
        ReferralIndicators referrals = context.getBean(ReferralIndicators.class);
        RegistryIndicators registry = context.getBean(RegistryIndicators.class);
        TrendIndicators trend = context.getBean(TrendIndicators.class);
        java.time.Clock clock = context.getBean(java.time.Clock.class);
        Supplier<IndicatorScope> scope = () -> service.scope(jurisdiction, from, to, null);
        Map<String, Supplier<Integer>> parts = new LinkedHashMap<>();
        parts.put(
                "caseload per worker",
                () -> cases.caseload(scope.get()).workers().size());
        parts.put(
                "visit coverage + 特困 elderly",
                () -> visits.visits(scope.get(), Map.of(), false).byRegion().size());
        parts.put("flags (SLA, triage, first visit)", () ->
                (int) flags.flags(scope.get(), IndicatorScope.nowUtc(clock)).raised());
        parts.put("mandatory reports", () ->
                (int) flags.mandatoryReports(scope.get()).reports());
        parts.put("cases (risk x state, plans, closures)", () ->
                (int) cases.cases(scope.get(), Map.of()).open());
        parts.put("referrals", () -> (int)
                referrals.referrals(scope.get(), IndicatorScope.nowUtc(clock)).sent());
        parts.put("data quality", () -> (int)
                registry.dataQuality(scope.get(), IndicatorScope.nowUtc(clock)).clients());
        parts.put("reveals", () -> registry.reveals(scope.get()).size());
        parts.put("monthly trend", () -> trend.trend(scope.get()).size());
        return parts;
    }

    /** Data quality counted live (as before the first snapshot), for a region code and today. */
    public static Indicators.DataQuality liveDataQuality(ApplicationContext context, String region, LocalDate today) {
        RegistryIndicators registry = context.getBean(RegistryIndicators.class);
        java.time.Clock clock = context.getBean(java.time.Clock.class);
        IndicatorScope scope = new IndicatorScope(
                org.casework.core.shared.RegionCode.parse(region), today, today, today, region.length() == 6 ? 9 : 12);
        return registry.dataQualityLive(scope, IndicatorScope.nowUtc(clock));
    }
}
