package org.casework.core.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Today's visit schedules counted per village and visit level (all, overdue, due within the
 * worklist's horizon), taken with the nightly indicator snapshot (Flyway V31) so the county's visit
 * coverage sums a few thousand rows instead of every schedule. Both the count and the live query
 * use the same predicates ({@link #COUNTS}).
 */
@Component
@RequiredArgsConstructor
class ScheduleCounts {

    /** Schedules, overdue, due soon: the SQL of the three counts, for a day and the horizon's end. */
    static final String COUNTS = "count(*), sum(case when v.next_due_on < ? then 1 else 0 end),"
            + " sum(case when v.next_due_on >= ? and v.next_due_on <= ? then 1 else 0 end)";

    private final JdbcTemplate jdbc;

    /** Replaces the counts with those of {@code day}; joins the snapshot's transaction. */
    void refresh(LocalDate day) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.query(
                "select v.region_code, v.visit_level, " + COUNTS
                        + " from visit_schedule v group by v.region_code, v.visit_level",
                rs -> {
                    rows.add(new Object[] {
                        rs.getString(1), rs.getString(2), Rows.number(rs, 3), Rows.number(rs, 4), Rows.number(rs, 5)
                    });
                },
                dayArgs(day));
        jdbc.update("delete from indicator_region_schedules");
        jdbc.batchUpdate(
                "insert into indicator_region_schedules (region_code, visit_level, schedules, overdue, due_soon)"
                        + " values (?,?,?,?,?)",
                rows);
    }

    /**
     * The counted schedules of the scope's jurisdiction by breakdown region and level: columns
     * region, level, schedules, overdue, due soon (as the live query's first five).
     */
    void read(IndicatorScope scope, RowCallbackHandler handler) {
        String group = Rows.group("s.region_code", scope);
        jdbc.query(
                "select " + group + ", s.visit_level, sum(s.schedules), sum(s.overdue), sum(s.due_soon)"
                        + " from indicator_region_schedules s where s.region_code like ?"
                        + " group by " + group + ", s.visit_level",
                handler,
                scope.pattern());
    }

    /** The three day arguments of {@link #COUNTS}. */
    static Object[] dayArgs(LocalDate day) {
        Date today = Date.valueOf(day);
        return new Object[] {today, today, Date.valueOf(day.plusDays(VisitIndicators.DUE_SOON_DAYS))};
    }
}
