package org.casework.core.indicators;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Flags raised, cases opened and home visits per month (China time), for the months ending with the
 * period's last one. Each series is one query grouped by the month of the UTC time plus 8 hours;
 * home visits of the months before the current one come from {@link IndicatorSnapshot}.
 */
@Component
@RequiredArgsConstructor
class TrendIndicators {

    private final JdbcTemplate jdbc;
    private final IndicatorSettings settings;
    private final IndicatorSnapshot snapshot;

    List<Indicators.MonthTrend> trend(IndicatorScope scope) {
        YearMonth last = YearMonth.from(scope.to());
        YearMonth first = last.minusMonths(Math.max(1, settings.getTrendMonths()) - 1L);
        LocalDateTime from = IndicatorScope.utc(first.atDay(1));
        LocalDateTime to = IndicatorScope.utc(last.plusMonths(1).atDay(1));
        Map<Integer, long[]> months = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.put(m.getYear() * 100 + m.getMonthValue(), new long[3]);
        }
        count(months, 0, "f.raised_at", "flag f where f.village_code like ?", scope, from, to);
        count(months, 1, "c.opened_at", "case_file c where c.region_code like ?", scope, from, to);
        // Home visits: the months before the snapshot's from the snapshot (per region and month),
        // the rest live; the snapshot's months end where live counting starts, on a month boundary.
        LocalDateTime liveFrom = from;
        Optional<IndicatorSnapshot.State> state = snapshot.state();
        if (state.isPresent() && state.get().visitsBefore().isAfter(from)) {
            LocalDateTime before = state.get().visitsBefore();
            jdbc.query(
                    "select visit_month, sum(home_visits) from indicator_region_visits where region_code like ?"
                            + " and visit_month >= ? and visit_month <= ? group by visit_month",
                    rs -> {
                        long[] n = months.get((int) Rows.number(rs, 1));
                        if (n != null) {
                            n[2] = Rows.number(rs, 2);
                        }
                    },
                    scope.pattern(),
                    first.getYear() * 100 + first.getMonthValue(),
                    last.getYear() * 100 + last.getMonthValue());
            liveFrom = before.isBefore(to) ? before : to;
        }
        if (liveFrom.isBefore(to)) {
            count(
                    months,
                    2,
                    "s.occurred_at",
                    // from the period's visits (index V25) to their clients: the left join keeps that
                    // order on H2, which otherwise starts from every client of the jurisdiction
                    "service_record s left join client k on k.id = s.client_id where k.residence_region_code like ?"
                            + " and s.type = 'HOME_VISIT' and s.voided_at is null",
                    scope,
                    liveFrom,
                    to);
        }
        List<Indicators.MonthTrend> trend = new ArrayList<>();
        months.forEach(
                (key, n) -> trend.add(new Indicators.MonthTrend(YearMonth.of(key / 100, key % 100), n[0], n[1], n[2])));
        return trend;
    }

    private void count(
            Map<Integer, long[]> months,
            int series,
            String column,
            String fromWhere,
            IndicatorScope scope,
            LocalDateTime from,
            LocalDateTime to) {
        String month = IndicatorSnapshot.MONTH_OF.formatted(column);
        jdbc.query(
                "select " + month + ", count(*) from " + fromWhere + " and " + column + " >= ? and " + column
                        + " < ? group by " + month,
                rs -> {
                    long[] n = months.get((int) Rows.number(rs, 1));
                    if (n != null) {
                        n[series] += Rows.number(rs, 2);
                    }
                },
                scope.pattern(),
                from,
                to);
    }
}
