package org.casework.core.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.casework.core.regions.Region;
import org.casework.core.regions.RegionRepository;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor indicators for a jurisdiction inside the caller's own (a station head: their
 * township or one of its villages; a county supervisor: any part of the county) and a period of at
 * most a year. Only supervisors (SUPERVISE_CASES) see them.
 */
@Service
@RequiredArgsConstructor
public class IndicatorService {

    /** The longest period one request may cover. */
    public static final int MAX_PERIOD_DAYS = 366;

    private final CurrentActor currentActor;
    private final RegionRepository regions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CaseIndicators caseIndicators;
    private final VisitIndicators visitIndicators;
    private final FlagIndicators flagIndicators;
    private final ReferralIndicators referralIndicators;
    private final RegistryIndicators registryIndicators;
    private final TrendIndicators trendIndicators;

    /**
     * @param jurisdiction a region code inside the caller's jurisdiction; null for the caller's own
     * @param from first day of the period (China time); null for the first day of {@code to}'s month
     * @param to last day of the period; null for today
     * @param breakdown how region figures are broken down; null for {@link Breakdown#REGION}
     */
    @Transactional(readOnly = true)
    public Indicators indicators(String jurisdiction, LocalDate from, LocalDate to, Breakdown breakdown) {
        IndicatorScope scope = scope(jurisdiction, from, to, breakdown);
        Region region =
                regions.findById(scope.jurisdiction().value()).orElseThrow(() -> new NotFoundException("region"));
        Breakdown how = breakdown == null ? Breakdown.REGION : breakdown;
        Map<String, String> names = regionNames(scope);
        LocalDateTime now = IndicatorScope.nowUtc(clock);
        return new Indicators(
                region.getCode(),
                region.getName(),
                scope.from(),
                scope.to(),
                scope.today(),
                how,
                caseIndicators.caseload(scope),
                visitIndicators.visits(scope, names, true),
                flagIndicators.flags(scope, now),
                flagIndicators.mandatoryReports(scope),
                caseIndicators.cases(scope, names),
                referralIndicators.referrals(scope, now),
                registryIndicators.dataQuality(scope, now),
                registryIndicators.reveals(scope),
                trendIndicators.trend(scope));
    }

    /** Checks the caller and the request and resolves the defaults; the drill-down lists share it. */
    IndicatorScope scope(String jurisdiction, LocalDate from, LocalDate to, Breakdown breakdown) {
        Actor actor = currentActor.require(Permission.SUPERVISE_CASES);
        RegionCode code =
                jurisdiction == null || jurisdiction.isBlank() ? actor.jurisdiction() : RegionCode.parse(jurisdiction);
        if (!actor.covers(code)) {
            throw new AccessDeniedException("indicators.outsideJurisdiction");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.withDayOfMonth(1) : from;
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "indicators.period.order");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_PERIOD_DAYS) {
            throw new InvalidInputException("from", "indicators.period.tooLong", MAX_PERIOD_DAYS);
        }
        // A county breaks down by township unless villages are asked for; a township always by village.
        int groupLength = breakdown != Breakdown.VILLAGE && code.level() == RegionLevel.COUNTY ? 9 : 12;
        return new IndicatorScope(code, first, last, today, groupLength);
    }

    /** Every region of the breakdown level inside the jurisdiction, so regions with nothing show zeros. */
    private Map<String, String> regionNames(IndicatorScope scope) {
        Map<String, String> names = new LinkedHashMap<>();
        RegionLevel level = scope.groupLength() == 9 ? RegionLevel.TOWNSHIP : RegionLevel.VILLAGE;
        jdbc.query(
                "select code, name from region where code like ? and level = ? order by code",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                },
                scope.pattern(),
                level.name());
        return names;
    }
}
