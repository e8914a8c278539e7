package org.casework.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.casework.core.caseload.CaseloadService;
import org.casework.core.indicators.IndicatorParts;
import org.casework.core.indicators.IndicatorService;
import org.casework.core.indicators.IndicatorSnapshot;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.FieldCipher;
import org.casework.core.shared.RegionCode;
import org.casework.core.visits.VisitScheduleMaintenance;
import org.casework.core.worklist.WorklistService;
import org.casework.it.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Station worklist and supervisor caseload on a generated county (default 50,000 clients, 10,000
 * open cases, 300,000 service records): prints server-side p50/p95 with the data size and the
 * hardware. A measurement, not a pass/fail test: run it with {@code ./mvnw verify -Pbenchmark -pl
 * case-web -am} (H2) or {@code -Pbenchmark,mariadb}; see docs/benchmarks.md.
 */
@Tag("benchmark")
@IntegrationTest
class WorklistBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 50_000);
    private static final int OPEN_CASES = Integer.getInteger("bench.cases", 10_000);
    private static final int SERVICE_RECORDS = Integer.getInteger("bench.services", 300_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    /** Runs of each indicator part: a slow part at 200 runs would take the better part of an hour. */
    private static final int PART_RUNS = Integer.getInteger("bench.indicator.runs", 50);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FieldCipher cipher;

    @Autowired
    WorklistService worklist;

    @Autowired
    CaseloadService caseload;

    @Autowired
    VisitScheduleMaintenance schedules;

    @Autowired
    IndicatorService indicators;

    @Autowired
    ApplicationContext context;

    private final Random random = new Random(42);

    @Test
    void worklistAndCaseloadOnAGeneratedCounty() throws Exception {
        long generationStart = System.nanoTime();
        long scheduleMillis = 0;
        long nightlyMillis = -1;
        // A kept database (-Dcasework.test.database.keep=NAME on MariaDB, or an H2 file URL) that
        // already holds a generated county is measured as it is: generating it takes minutes.
        boolean generated = count("client") >= CLIENTS;
        if (generated) {
            // a run stopped during the schedule refresh: the missing schedules, the quick way
            fillMissingSchedules();
        } else {
            List<String> villages = jdbc.queryForList(
                    "select code from region where level = 'VILLAGE' and code like '410225%' order by code",
                    String.class);
            List<UUID> workers = createWorkers();
            List<UUID> clients = insertClients(villages);
            insertCases(clients, workers);
            insertServiceRecords(clients);
            insertFlagsAndReveals(clients, workers);
            long scheduleStart = System.nanoTime();
            if ("fill".equals(System.getProperty("bench.schedules"))) {
                fillMissingSchedules();
            } else {
                schedules.refreshAll();
            }
            scheduleMillis = (System.nanoTime() - scheduleStart) / 1_000_000;
            // the next night over unchanged data: every client recomputed, no row changes
            long nightlyStart = System.nanoTime();
            schedules.refreshAll();
            nightlyMillis = (System.nanoTime() - nightlyStart) / 1_000_000;
        }

        long generationSeconds = (System.nanoTime() - generationStart) / 1_000_000_000;

        String database = dataSource.getConnection().getMetaData().getDatabaseProductName() + " "
                + dataSource.getConnection().getMetaData().getDatabaseProductVersion();
        Actor worker = actor("station-guyang", Role.STATION_WORKER, "410225101");
        Actor head = actor("head-guyang", Role.STATION_HEAD, "410225101");
        Actor county = actor("county-sup", Role.COUNTY_SUPERVISOR, "410225");

        StringBuilder report = new StringBuilder();
        report.append("Casework worklist/caseload benchmark\n");
        report.append("data: ")
                .append(count("client"))
                .append(" clients, ")
                .append(count("case_file"))
                .append(" cases (")
                .append(jdbc.queryForObject("select count(*) from case_file where state = 'ACTIVE'", Long.class))
                .append(" active), ")
                .append(count("service_record"))
                .append(" service records, ")
                .append(count("visit_schedule"))
                .append(" visit schedules, ")
                .append(count("flag"))
                .append(" flags, ")
                .append(count("sensitive_access"))
                .append(" reveals; generated in ")
                .append(generationSeconds)
                .append(" s; schedule refresh of all clients ")
                .append(scheduleMillis)
                .append(" ms, nightly rerun ")
                .append(nightlyMillis)
                .append(" ms\n");
        report.append("database: ").append(database).append("\n");
        report.append("hardware: ").append(BenchmarkTiming.hardware()).append("\n");
        if (generated) {
            report.append("(county generated by an earlier run, reused)\n");
        }
        System.out.print(report);
        if (!Boolean.getBoolean("bench.indicators.only")) {
            measureWorklistAndCaseload(report, worker, head, county);
            if (Boolean.getBoolean("bench.worklist.plans")) {
                visitsPlans(report);
            }
            // the same lines with V33 dropped (the plans before it, same data), then put back; V32 can
            // no longer be dropped so: VisitsDueSource names it in a hint
            measureWithout(
                    report,
                    "bench.worklist.withoutV33",
                    "ix_case_file_state_region",
                    "case_file",
                    "state, region_code, assigned_worker_id, primary_client_id",
                    worker,
                    head,
                    county);
        }
        if (Boolean.getBoolean("bench.worklist.only")) {
            System.out.println(report);
            return;
        }
        // The indicators twice on the same data: computed live (as before the snapshot existed, and
        // as before the first nightly refresh), then with the snapshot (V24) the nightly job takes.
        jdbc.update("delete from indicator_snapshot");
        report.append("--- indicators computed live (no snapshot) ---\n");
        System.out.print("--- indicators computed live (no snapshot) ---\n");
        measureIndicators(report, head, county);
        long snapshotStart = System.nanoTime();
        context.getBean(IndicatorSnapshot.class).refresh();
        String snapshotLine = "--- indicators with the snapshot; snapshot refresh took %d ms ---%n"
                .formatted((System.nanoTime() - snapshotStart) / 1_000_000);
        report.append(snapshotLine);
        System.out.print(snapshotLine);
        measureIndicators(report, head, county);
        System.out.println(report);
        Path out = Path.of("target", "benchmark-" + database.split(" ")[0].toLowerCase() + ".txt");
        Files.writeString(out, report.toString());
    }

    private void measureWorklistAndCaseload(StringBuilder report, Actor worker, Actor head, Actor county) {
        report.append(measure(
                "worklist page 1 (50 items), station worker 堌阳镇",
                worker,
                () -> worklist.worklist(PageRequest.of(0, 50)).getNumberOfElements()));
        report.append(measure(
                "worklist page 20 (50 items), station worker 堌阳镇",
                worker,
                () -> worklist.worklist(PageRequest.of(19, 50)).getNumberOfElements()));
        // issue 14: the supervisors' worklists (approvals and the jurisdiction's visits due)
        report.append(measure(
                "worklist page 1 (50 items), station head 堌阳镇",
                head,
                () -> worklist.worklist(PageRequest.of(0, 50)).getNumberOfElements()));
        report.append(measure(
                "worklist page 20 (50 items), station head 堌阳镇",
                head,
                () -> worklist.worklist(PageRequest.of(19, 50)).getNumberOfElements()));
        report.append(measure(
                "worklist page 1 (50 items), county supervisor 兰考县",
                county,
                () -> worklist.worklist(PageRequest.of(0, 50)).getNumberOfElements()));
        report.append(measure(
                "worklist page 20 (50 items), county supervisor 兰考县",
                county,
                () -> worklist.worklist(PageRequest.of(19, 50)).getNumberOfElements()));
        report.append(measure(
                "caseload, station head 堌阳镇", head, () -> caseload.caseload().size()));
        report.append(measure(
                "caseload, county supervisor 兰考县",
                county,
                () -> caseload.caseload().size()));
    }

    private void measureWithout(
            StringBuilder report,
            String flag,
            String index,
            String table,
            String columns,
            Actor worker,
            Actor head,
            Actor county) {
        if (!Boolean.getBoolean(flag)) {
            return;
        }
        jdbc.execute("DROP INDEX " + index + " ON " + table);
        String title = "--- without " + index + " ---\n";
        report.append(title);
        System.out.print(title);
        measureWorklistAndCaseload(report, worker, head, county);
        jdbc.execute("CREATE INDEX " + index + " ON " + table + " (" + columns + ")");
    }

    /**
     * The visits-due page query ({@code VisitsDueSource}) alone, for a township and the county, page 1
     * and page 20 limits: the plan the database picks, then that plan and each index forced with
     * {@code USE INDEX}, each timed ({@code -Dbench.worklist.plans=true}).
     */
    private void visitsPlans(StringBuilder report) {
        String horizon = LocalDate.now().plusDays(7).toString();
        for (String scope : List.of("410225101%", "410225%")) {
            for (int limit : List.of(50, 1000)) {
                for (String hint : List.of(
                        "", " USE INDEX (ix_visit_schedule_region_due)", " USE INDEX (ix_visit_schedule_worklist)")) {
                    String sql = "SELECT v.client_id, c.full_name, v.visit_level, v.next_due_on, v.region_code"
                            + " FROM visit_schedule v" + hint + " JOIN client c ON c.id = v.client_id"
                            + " WHERE v.region_code LIKE '" + scope + "' AND v.next_due_on <= DATE '" + horizon
                            + "' ORDER BY v.level_rank, v.next_due_on, v.client_id LIMIT " + limit;
                    StringBuilder plan = new StringBuilder();
                    jdbc.queryForList("EXPLAIN " + sql)
                            .forEach(row -> plan.append(row.values()).append(' '));
                    for (int i = 0; i < 5; i++) {
                        jdbc.queryForList(sql);
                    }
                    int runs = 30;
                    long[] nanos = new long[runs];
                    for (int i = 0; i < runs; i++) {
                        long start = System.nanoTime();
                        jdbc.queryForList(sql);
                        nanos[i] = System.nanoTime() - start;
                    }
                    Arrays.sort(nanos);
                    String line = "visits query %s limit %d%s: p50 %.2f ms p95 %.2f ms%n  plan: %s%n"
                            .formatted(
                                    scope,
                                    limit,
                                    hint.isEmpty() ? " (planner's choice)" : hint,
                                    BenchmarkTiming.ms(nanos[runs / 2]),
                                    BenchmarkTiming.ms(nanos[(int) (runs * 0.95) - 1]),
                                    plan.toString().replaceAll("\\s+", " "));
                    System.out.print(line);
                    report.append(line);
                }
            }
        }
    }

    private void measureIndicators(StringBuilder report, Actor head, Actor county) {
        // Supervisor indicators (issue 12): the dashboard's one call, then each figure on its own, so
        // the report shows which indicator costs what.
        LocalDate to = LocalDate.now();
        report.append(measure(
                "indicators, station head 堌阳镇 (30 days)",
                head,
                PART_RUNS,
                () -> indicators
                        .indicators(null, to.minusDays(29), to, null)
                        .caseload()
                        .workers()
                        .size()));
        report.append(measure(
                "indicators, county supervisor 兰考县 (30 days)",
                county,
                PART_RUNS,
                () -> indicators
                        .indicators(null, to.minusDays(29), to, null)
                        .caseload()
                        .workers()
                        .size()));
        report.append(measure(
                "indicators, county supervisor 兰考县 (365 days)",
                county,
                PART_RUNS,
                () -> indicators
                        .indicators(null, to.minusDays(364), to, null)
                        .caseload()
                        .workers()
                        .size()));
        report.append("per indicator, station head 堌阳镇 (30 days):\n");
        IndicatorParts.of(context, null, to.minusDays(29), to)
                .forEach((name, call) -> report.append(measure("  " + name, head, PART_RUNS, call)));
        report.append("per indicator, county supervisor 兰考县 (30 days):\n");
        IndicatorParts.of(context, null, to.minusDays(29), to)
                .forEach((name, call) -> report.append(measure("  " + name, county, PART_RUNS, call)));
    }

    private String measure(String name, Actor actor, Supplier<Integer> call) {
        return measure(name, actor, RUNS, call);
    }

    /** The generation, shared with {@link ProvinceBenchmark}: one county, 兰考县, seeded by {@link #random}. */
    private GeneratedCounty generated;

    private GeneratedCounty county() {
        if (generated == null) {
            generated = new GeneratedCounty(jdbc, cipher, random, "410225");
        }
        return generated;
    }

    private List<UUID> createWorkers() {
        return county().createWorkers();
    }

    private List<UUID> insertClients(List<String> villages) {
        return county().insertClients(villages, CLIENTS);
    }

    private void insertCases(List<UUID> clients, List<UUID> workers) {
        county().insertCases(clients, workers, OPEN_CASES);
    }

    private void insertServiceRecords(List<UUID> clients) {
        county().insertServiceRecords(clients, SERVICE_RECORDS);
    }

    private void insertFlagsAndReveals(List<UUID> clients, List<UUID> workers) {
        county().insertFlagsAndReveals(clients, workers);
    }

    /** See {@link GeneratedCounty#fillMissingSchedules()} ({@code -Dbench.schedules=fill}). */
    private void fillMissingSchedules() {
        county().fillMissingSchedules();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private Actor actor(String username, Role role, String jurisdiction) {
        byte[] raw = jdbc.queryForObject("select id from user_account where username = ?", byte[].class, username);
        byte[] org = jdbc.queryForObject(
                "select organisation_id from user_account where username = ?", byte[].class, username);
        return new Actor(
                BenchmarkTiming.uuid(raw),
                username,
                role,
                new RegionCode(jurisdiction),
                org == null ? null : BenchmarkTiming.uuid(org));
    }

    private String measure(String name, Actor actor, int runs, Supplier<Integer> call) {
        return BenchmarkTiming.measure(name, actor, 20, runs, call);
    }
}
