package org.casework.core.indicators;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.casework.core.shared.RiskLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Flags raised in the period (triage against the SLA, time to triage and to the first home visit,
 * escalations) and the mandatory reports recorded in it. A county raises a few hundred flags a
 * month, so their times are read row by row and the percentiles taken here.
 */
@Component
@RequiredArgsConstructor
class FlagIndicators {

    private final JdbcTemplate jdbc;

    Indicators.Flags flags(IndicatorScope scope, LocalDateTime nowUtc) {
        Map<RiskLevel, long[]> bySeverity = new EnumMap<>(RiskLevel.class);
        List<Long> triage = new ArrayList<>();
        List<Long> firstVisit = new ArrayList<>();
        long[] escalated = new long[2];
        jdbc.query(
                "select f.severity, f.raised_at, f.triaged_at, f.triage_due_at, f.escalated_head_at,"
                        + " f.escalated_county_at,"
                        + " (select min(s.occurred_at) from service_record s"
                        + " where s.client_id = coalesce(f.client_id, f.outcome_client_id) and s.type = 'HOME_VISIT'"
                        + " and s.voided_at is null and s.occurred_at >= f.raised_at)"
                        + " from flag f where f.village_code like ? and f.raised_at >= ? and f.raised_at < ?",
                rs -> {
                    // raised, triaged, hit, missed, pending
                    long[] n = bySeverity.computeIfAbsent(RiskLevel.valueOf(rs.getString(1)), k -> new long[5]);
                    LocalDateTime raised = Rows.time(rs, 2);
                    LocalDateTime triaged = Rows.time(rs, 3);
                    LocalDateTime due = Rows.time(rs, 4);
                    LocalDateTime visit = Rows.time(rs, 7);
                    n[0]++;
                    if (triaged != null) {
                        n[1]++;
                        triage.add(Rows.minutes(raised, triaged));
                        n[triaged.isAfter(due) ? 3 : 2]++;
                    } else {
                        n[nowUtc.isAfter(due) ? 3 : 4]++;
                    }
                    if (rs.getObject(5) != null) {
                        escalated[0]++;
                    }
                    if (rs.getObject(6) != null) {
                        escalated[1]++;
                    }
                    if (visit != null) {
                        firstVisit.add(Rows.minutes(raised, visit));
                    }
                },
                scope.pattern(),
                scope.fromUtc(),
                scope.toUtcExclusive());
        long[] total = new long[5];
        List<Indicators.SeverityFlags> severities = new ArrayList<>();
        bySeverity.forEach((severity, n) -> {
            severities.add(new Indicators.SeverityFlags(severity, n[0], n[1], n[2], n[3], n[4]));
            for (int i = 0; i < 5; i++) {
                total[i] += n[i];
            }
        });
        return new Indicators.Flags(
                total[0],
                total[1],
                total[2],
                total[3],
                total[4],
                Durations.percent(total[2], total[2] + total[3]),
                Durations.median(triage),
                Durations.p90(triage),
                firstVisit.size(),
                Durations.median(firstVisit),
                Durations.p90(firstVisit),
                escalated[0],
                escalated[1],
                severities);
    }

    Indicators.MandatoryReports mandatoryReports(IndicatorScope scope) {
        long[] reports = new long[1];
        List<Long> times = new ArrayList<>();
        jdbc.query(
                "select m.reported_at, f.raised_at from mandatory_report m left join flag f on f.id = m.flag_id"
                        + " where m.village_code like ? and m.reported_at >= ? and m.reported_at < ?",
                rs -> {
                    reports[0]++;
                    LocalDateTime raised = Rows.time(rs, 2);
                    if (raised != null) {
                        times.add(Math.max(0, Rows.minutes(raised, Rows.time(rs, 1))));
                    }
                },
                scope.pattern(),
                scope.fromUtc(),
                scope.toUtcExclusive());
        return new Indicators.MandatoryReports(reports[0], times.size(), Durations.median(times), Durations.p90(times));
    }
}
