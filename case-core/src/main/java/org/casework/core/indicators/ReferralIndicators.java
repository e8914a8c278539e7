package org.casework.core.indicators;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Referral loop closure per receiving department: of the referrals the jurisdiction sent in the
 * period (revoked ones left out), how many the department answered, how many came back closed
 * (completed with an outcome, or declined) and how fast it answered.
 */
@Component
@RequiredArgsConstructor
class ReferralIndicators {

    private final JdbcTemplate jdbc;

    Indicators.Referrals referrals(IndicatorScope scope, LocalDateTime nowUtc) {
        record Department(UUID id, String name, long[] counts, List<Long> response) {}
        Map<UUID, Department> departments = new LinkedHashMap<>();
        List<Long> allResponses = new ArrayList<>();
        jdbc.query(
                "select r.receiving_organisation_id, o.name, r.status, r.sent_at, r.accepted_at, r.declined_at,"
                        + " r.response_due_at"
                        + " from referral r join organisation o on o.id = r.receiving_organisation_id"
                        + " where r.sending_region_code like ? and r.sent_at >= ? and r.sent_at < ?"
                        + " and r.status <> 'REVOKED'",
                rs -> {
                    UUID id = Rows.uuid(rs.getBytes(1));
                    Department d = departments.computeIfAbsent(
                            id, k -> new Department(k, safeName(rs), new long[4], new ArrayList<>()));
                    String status = rs.getString(3);
                    LocalDateTime sent = Rows.time(rs, 4);
                    LocalDateTime accepted = Rows.time(rs, 5);
                    LocalDateTime declined = Rows.time(rs, 6);
                    LocalDateTime answered = accepted != null ? accepted : declined;
                    d.counts[0]++;
                    if (answered != null) {
                        d.counts[1]++;
                        long minutes = Rows.minutes(sent, answered);
                        d.response.add(minutes);
                        allResponses.add(minutes);
                    }
                    if (status.equals("COMPLETED") || status.equals("DECLINED")) {
                        d.counts[2]++;
                    }
                    if (status.equals("SENT") && nowUtc.isAfter(Rows.time(rs, 7))) {
                        d.counts[3]++;
                    }
                },
                scope.pattern(),
                scope.fromUtc(),
                scope.toUtcExclusive());
        long[] total = new long[4];
        List<Indicators.DepartmentReferrals> rows = new ArrayList<>();
        for (Department d : departments.values()) {
            rows.add(new Indicators.DepartmentReferrals(
                    d.id,
                    d.name,
                    d.counts[0],
                    d.counts[1],
                    d.counts[2],
                    d.counts[3],
                    Durations.percent(d.counts[2], d.counts[0]),
                    Durations.median(d.response)));
            for (int i = 0; i < 4; i++) {
                total[i] += d.counts[i];
            }
        }
        rows.sort(Comparator.comparing(Indicators.DepartmentReferrals::sent)
                .reversed()
                .thenComparing(Indicators.DepartmentReferrals::name));
        return new Indicators.Referrals(
                total[0],
                total[1],
                total[2],
                total[3],
                Durations.percent(total[2], total[0]),
                Durations.median(allResponses),
                rows);
    }

    private static String safeName(java.sql.ResultSet rs) {
        try {
            return rs.getString(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
