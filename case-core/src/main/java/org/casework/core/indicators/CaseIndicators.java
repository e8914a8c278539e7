package org.casework.core.indicators;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseState;
import org.casework.core.security.Permission;
import org.casework.core.security.Role;
import org.casework.core.shared.RiskLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Caseload per worker and the case figures (open by risk × state, plans past review, closures). */
@Component
@RequiredArgsConstructor
class CaseIndicators {

    private static final String CASE_ROLES = Arrays.stream(Role.values())
            .filter(r -> r.has(Permission.WRITE_CASES))
            .map(r -> "'" + r.name() + "'")
            .collect(Collectors.joining(",", "(", ")"));

    private final JdbcTemplate jdbc;
    private final IndicatorSettings settings;

    Indicators.Caseload caseload(IndicatorScope scope) {
        record Tally(long open, long active, long redOrange) {}
        Map<UUID, Tally> tallies = new HashMap<>();
        jdbc.query(
                "select c.assigned_worker_id, count(*),"
                        + " sum(case when c.state = 'ACTIVE' then 1 else 0 end),"
                        + " sum(case when coalesce(c.effective_risk_level, c.risk_level) in ('RED', 'ORANGE')"
                        + " then 1 else 0 end)"
                        + " from case_file c where c.region_code like ? and c.state in " + Rows.OPEN_STATES
                        + " group by c.assigned_worker_id",
                rs -> {
                    tallies.put(
                            Rows.uuid(rs.getBytes(1)),
                            new Tally(Rows.number(rs, 2), Rows.number(rs, 3), Rows.number(rs, 4)));
                },
                scope.pattern());
        int threshold = settings.getOverloadThreshold();
        List<Indicators.WorkerLoad> workers = new ArrayList<>();
        // The jurisdiction's case workers (zeros included) and anyone else holding its open cases.
        jdbc.query(
                "select u.id, u.username, u.display_name from user_account u"
                        + " where (u.jurisdiction_code like ? and u.role in " + CASE_ROLES + " and u.enabled = true)"
                        + " or u.id in (select c.assigned_worker_id from case_file c where c.region_code like ?"
                        + " and c.state in " + Rows.OPEN_STATES + ")",
                rs -> {
                    UUID id = Rows.uuid(rs.getBytes(1));
                    Tally t = tallies.getOrDefault(id, new Tally(0, 0, 0));
                    workers.add(new Indicators.WorkerLoad(
                            id, rs.getString(2), rs.getString(3), t.open, t.active, t.redOrange, t.open > threshold));
                },
                scope.pattern(),
                scope.pattern());
        workers.sort(Comparator.comparing(Indicators.WorkerLoad::openCases)
                .reversed()
                .thenComparing(Indicators.WorkerLoad::displayName)
                .thenComparing(Indicators.WorkerLoad::username));
        Tally unassigned = tallies.get(null);
        if (unassigned != null) {
            workers.add(new Indicators.WorkerLoad(
                    null, null, null, unassigned.open, unassigned.active, unassigned.redOrange, false));
        }
        long overloaded =
                workers.stream().filter(Indicators.WorkerLoad::overloaded).count();
        return new Indicators.Caseload(threshold, overloaded, workers);
    }

    Indicators.Cases cases(IndicatorScope scope, Map<String, String> regionNames) {
        List<Indicators.RiskStateCount> byRegion = new ArrayList<>();
        String group = Rows.group("c.region_code", scope);
        String risk = "coalesce(c.effective_risk_level, c.risk_level)";
        jdbc.query(
                "select " + group + ", " + risk + ", c.state, count(*) from case_file c"
                        + " where c.region_code like ? and c.state in " + Rows.OPEN_STATES
                        + " group by " + group + ", " + risk + ", c.state",
                rs -> {
                    String code = rs.getString(1);
                    String level = rs.getString(2);
                    byRegion.add(new Indicators.RiskStateCount(
                            code,
                            regionNames.getOrDefault(code, code),
                            level == null ? null : RiskLevel.valueOf(level),
                            CaseState.valueOf(rs.getString(3)),
                            Rows.number(rs, 4)));
                },
                scope.pattern());
        byRegion.sort(Comparator.comparing(Indicators.RiskStateCount::regionCode)
                .thenComparing(r -> r.risk() == null ? 9 : r.risk().ordinal())
                .thenComparing(Indicators.RiskStateCount::state));
        long open =
                byRegion.stream().mapToLong(Indicators.RiskStateCount::count).sum();
        Long overduePlans = jdbc.queryForObject(
                "select count(distinct p.case_id) from service_plan p join case_file c on c.id = p.case_id"
                        + " where c.region_code like ? and c.state in " + Rows.OPEN_STATES
                        + " and p.status = 'APPROVED' and p.review_date < ?"
                        + " and not exists (select 1 from service_plan q where q.case_id = p.case_id"
                        + " and q.status = 'APPROVED' and q.version_number > p.version_number)",
                Long.class,
                scope.pattern(),
                Date.valueOf(scope.today()));
        long[] closures = new long[4];
        jdbc.query(
                "select count(*),"
                        + " sum(case when c.closure_reason is null then 1 else 0 end),"
                        + " sum(case when (c.closure_reason is null or c.closure_reason <> 'DIED')"
                        + " and c.follow_up_plan_enc is null then 1 else 0 end),"
                        + " sum(case when c.state = 'CLOSED' and c.first_follow_up_due < ? and c.follow_ups_done = 0"
                        + " then 1 else 0 end)"
                        + " from case_file c where c.region_code like ? and c.closed_at >= ? and c.closed_at < ?",
                rs -> {
                    for (int i = 0; i < 4; i++) {
                        closures[i] = Rows.number(rs, i + 1);
                    }
                },
                Date.valueOf(scope.today()),
                scope.pattern(),
                scope.fromUtc(),
                scope.toUtcExclusive());
        return new Indicators.Cases(
                open,
                overduePlans == null ? 0 : overduePlans,
                closures[0],
                closures[1],
                closures[2],
                closures[3],
                byRegion);
    }
}
