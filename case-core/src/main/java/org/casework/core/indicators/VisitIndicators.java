package org.casework.core.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.casework.core.shared.RiskLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Visit coverage from the kept visit schedule (one row per client, indexed by region and due day)
 * and the special-difficulty elderly visited at home in the period's last month. Schedules, overdue
 * and due soon come from the nightly snapshot's counts on the day it was taken ({@link
 * ScheduleCounts}), live on any other day; visited in the period is always live.
 */
@Component
@RequiredArgsConstructor
class VisitIndicators {

    /** The worklist's horizon: a visit due within this many days is "due". */
    static final int DUE_SOON_DAYS = 7;

    private final JdbcTemplate jdbc;
    private final IndicatorSnapshot snapshot;
    private final ScheduleCounts scheduleCounts;

    Indicators.Visits visits(IndicatorScope scope, Map<String, String> regionNames, boolean listEveryRegion) {
        Map<String, long[]> byRegion = new LinkedHashMap<>();
        if (listEveryRegion) {
            regionNames.keySet().forEach(code -> byRegion.put(code, new long[6]));
        }
        Map<RiskLevel, long[]> byLevel = new EnumMap<>(RiskLevel.class);
        long[] total = new long[4];
        RowCallbackHandler add = rs -> {
            long scheduled = Rows.number(rs, 3);
            long overdue = Rows.number(rs, 4);
            long dueSoon = Rows.number(rs, 5);
            long[] region = byRegion.computeIfAbsent(rs.getString(1), k -> new long[6]);
            region[0] += scheduled;
            region[1] += overdue;
            region[2] += dueSoon;
            long[] level = byLevel.computeIfAbsent(RiskLevel.valueOf(rs.getString(2)), k -> new long[3]);
            level[0] += scheduled;
            level[1] += overdue;
            level[2] += dueSoon;
            total[0] += scheduled;
            total[1] += overdue;
            total[2] += dueSoon;
        };
        Optional<IndicatorSnapshot.State> state = snapshot.state();
        if (state.isPresent() && scope.today().equals(state.get().schedulesOn())) {
            // today's schedules as counted by this night's snapshot (docs/indicators.md)
            scheduleCounts.read(scope, add);
        } else {
            String group = Rows.group("v.region_code", scope);
            Object[] days = ScheduleCounts.dayArgs(scope.today());
            jdbc.query(
                    "select " + group + ", v.visit_level, " + ScheduleCounts.COUNTS
                            + " from visit_schedule v where v.region_code like ?"
                            + " group by " + group + ", v.visit_level",
                    add,
                    days[0],
                    days[1],
                    days[2],
                    scope.pattern());
        }
        total[3] = jdbc.queryForObject(
                "select count(*) from visit_schedule v where v.last_visit_on >= ? and v.last_visit_on <= ?"
                        + " and v.region_code like ?",
                Long.class,
                Date.valueOf(scope.from()),
                Date.valueOf(scope.to()),
                scope.pattern());
        Indicators.ElderlyCoverage elderly = specialDifficultyElderly(scope, byRegion);
        List<Indicators.RegionCoverage> regions = new ArrayList<>();
        byRegion.forEach((code, n) -> regions.add(new Indicators.RegionCoverage(
                code,
                regionNames.getOrDefault(code, code),
                n[0],
                n[0] - n[1],
                n[2],
                n[1],
                Durations.percent(n[0] - n[1], n[0]),
                n[3],
                n[4])));
        regions.sort(java.util.Comparator.comparing(Indicators.RegionCoverage::regionCode));
        List<Indicators.LevelCoverage> levels = new ArrayList<>();
        byLevel.forEach((level, n) -> levels.add(new Indicators.LevelCoverage(level, n[0], n[0] - n[1], n[2], n[1])));
        return new Indicators.Visits(
                total[0],
                total[0] - total[1],
                total[2],
                total[1],
                total[3],
                Durations.percent(total[0] - total[1], total[0]),
                levels,
                regions,
                elderly);
    }

    /** 特困老人 with a current category, and those of them with a home visit in the period's last month. */
    private Indicators.ElderlyCoverage specialDifficultyElderly(IndicatorScope scope, Map<String, long[]> byRegion) {
        LocalDate monthFrom = scope.to().withDayOfMonth(1).isBefore(scope.from())
                ? scope.from()
                : scope.to().withDayOfMonth(1);
        LocalDate monthTo = scope.to();
        long[] total = new long[2];
        String group = Rows.group("c.residence_region_code", scope);
        // From the current categories of that sub-type (index V29) to their clients, never from
        // every client of the jurisdiction; a client with two such categories counts once. The left
        // join keeps that order on H2, which otherwise starts from the region's clients (MariaDB
        // turns it into an inner join and plans it from the categories too). The visit is an
        // existence check answered from the client's own index entries.
        jdbc.query(
                "select " + group + ", count(distinct c.id), count(distinct case when exists (select 1"
                        + " from service_record s where s.client_id = c.id and s.type = 'HOME_VISIT'"
                        + " and s.voided_at is null and s.occurred_at >= ? and s.occurred_at < ?) then c.id end)"
                        + " from client_category k left join client c on c.id = k.client_id"
                        + " where k.type = 'ELDERLY' and k.sub_type = 'SPECIAL_DIFFICULTY_ELDERLY'"
                        + " and k.valid_from <= ? and (k.valid_to is null or k.valid_to >= ?)"
                        + " and c.residence_region_code like ?"
                        + " group by " + group,
                rs -> {
                    long[] region = byRegion.computeIfAbsent(rs.getString(1), k -> new long[6]);
                    region[3] += Rows.number(rs, 2);
                    region[4] += Rows.number(rs, 3);
                    total[0] += Rows.number(rs, 2);
                    total[1] += Rows.number(rs, 3);
                },
                IndicatorScope.utc(monthFrom),
                IndicatorScope.utc(monthTo.plusDays(1)),
                Date.valueOf(monthTo),
                Date.valueOf(monthFrom),
                scope.pattern());
        return new Indicators.ElderlyCoverage(
                monthFrom, monthTo, total[0], total[1], Durations.percent(total[1], total[0]));
    }
}
