package org.casework.core.indicators;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A snapshot of the figures that read every client, every home visit or every visit schedule of
 * the jurisdiction: registry data quality per residence region, home visits per region and China
 * month before the current month (Flyway V24), and the day's visit schedules per village and
 * level (V31, {@link ScheduleCounts}). Measured necessary: at county scale these two were about two
 * thirds of the dashboard's time (docs/benchmarks.md). Until the first refresh both are computed
 * live; the current month's home visits are always counted live.
 */
@Component
@RequiredArgsConstructor
public class IndicatorSnapshot {

    private static final Logger log = LoggerFactory.getLogger(IndicatorSnapshot.class);

    /** The China month (yyyymm) of a UTC DATETIME column, in SQL that H2 and MariaDB both run. */
    static final String MONTH_OF = "year(timestampadd(HOUR, 8, %1$s)) * 100 + month(timestampadd(HOUR, 8, %1$s))";

    /** When the snapshot was taken (UTC), its untouched-days setting, and where live counting starts. */
    record State(LocalDateTime refreshedAt, int untouchedDays, LocalDateTime visitsBefore, LocalDate schedulesOn) {}

    private final JdbcTemplate jdbc;
    private final IndicatorSettings settings;
    private final Clock clock;
    private final ScheduleCounts scheduleCounts;

    /** The snapshot, if one was ever taken. */
    Optional<State> state() {
        return jdbc
                .query(
                        "select refreshed_at, untouched_days, visits_before, schedules_on from indicator_snapshot"
                                + " where id = 1",
                        (rs, n) -> new State(
                                Rows.time(rs, 1), rs.getInt(2), Rows.time(rs, 3), rs.getObject(4, LocalDate.class)))
                .stream()
                .findFirst();
    }

    /**
     * Every instance fires this; the one that locks {@code indicator-snapshot} runs it (ShedLock).
     * One transaction: readers see the old snapshot or the new one, never half of it.
     */
    @Scheduled(cron = "${casework.indicators.snapshot-cron:0 45 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "indicator-snapshot")
    @Transactional
    public void refresh() {
        long start = System.nanoTime();
        LocalDateTime now = IndicatorScope.nowUtc(clock);
        LocalDate today = LocalDate.now(clock);
        int days = settings.getUntouchedDays();
        LocalDateTime visitsBefore = IndicatorScope.utc(YearMonth.from(today).atDay(1));
        Map<String, long[]> quality = quality(today, now.minusDays(days));
        List<Object[]> visits = new ArrayList<>();
        jdbc.query(
                "select c.residence_region_code, " + MONTH_OF.formatted("s.occurred_at") + ", count(*)"
                        + " from service_record s join client c on c.id = s.client_id"
                        + " where s.type = 'HOME_VISIT' and s.voided_at is null and s.occurred_at < ?"
                        + " group by c.residence_region_code, " + MONTH_OF.formatted("s.occurred_at"),
                rs -> {
                    visits.add(new Object[] {rs.getString(1), (int) Rows.number(rs, 2), Rows.number(rs, 3)});
                },
                visitsBefore);
        jdbc.update("delete from indicator_region_quality");
        jdbc.update("delete from indicator_region_visits");
        jdbc.update("delete from indicator_snapshot");
        scheduleCounts.refresh(today);
        List<Object[]> rows = new ArrayList<>();
        quality.forEach((region, n) -> rows.add(new Object[] {region, n[0], n[1], n[2], n[3], n[4]}));
        jdbc.batchUpdate(
                "insert into indicator_region_quality (region_code, clients, missing_id, missing_id_without_reason,"
                        + " children_without_guardian, untouched) values (?,?,?,?,?,?)",
                rows);
        jdbc.batchUpdate(
                "insert into indicator_region_visits (region_code, visit_month, home_visits) values (?,?,?)", visits);
        jdbc.update(
                "insert into indicator_snapshot (id, refreshed_at, untouched_days, visits_before, schedules_on)"
                        + " values (1,?,?,?,?)",
                now,
                days,
                visitsBefore,
                Date.valueOf(today));
        log.info(
                "Indicator snapshot: {} regions, {} region-months of home visits, in {} ms",
                rows.size(),
                visits.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The data-quality counts per residence region, with the same predicates as the live figure
     * (RegistryIndicators): clients, without ID, without ID nor reason, children without a
     * guardian, untouched since the cutoff.
     */
    private Map<String, long[]> quality(LocalDate today, LocalDateTime cutoff) {
        Map<String, long[]> byRegion = new TreeMap<>();
        jdbc.query(
                "select c.residence_region_code, count(*), sum(case when c.id_number_hash is null then 1 else 0 end),"
                        + " sum(case when c.id_number_hash is null and c.no_id_reason_enc is null then 1 else 0 end)"
                        + " from client c group by c.residence_region_code",
                rs -> {
                    long[] n = byRegion.computeIfAbsent(rs.getString(1), k -> new long[5]);
                    n[0] = Rows.number(rs, 2);
                    n[1] = Rows.number(rs, 3);
                    n[2] = Rows.number(rs, 4);
                });
        jdbc.query(
                "select c.residence_region_code, count(distinct c.id) from client c"
                        + " join client_category k on k.client_id = c.id"
                        + " where " + RegistryIndicators.CHILD_WITHOUT_GUARDIAN
                        + " group by c.residence_region_code",
                rs -> {
                    byRegion.computeIfAbsent(rs.getString(1), k -> new long[5])[3] = Rows.number(rs, 2);
                },
                Date.valueOf(today));
        jdbc.query(
                "select c.residence_region_code, count(*) from client c where " + RegistryIndicators.UNTOUCHED
                        + " group by c.residence_region_code",
                rs -> {
                    byRegion.computeIfAbsent(rs.getString(1), k -> new long[5])[4] = Rows.number(rs, 2);
                },
                cutoff,
                cutoff);
        return byRegion;
    }
}
