package org.casework.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.casework.core.caseload.CaseloadService;
import org.casework.core.clients.ChineseName;
import org.casework.core.indicators.IndicatorParts;
import org.casework.core.indicators.IndicatorService;
import org.casework.core.indicators.IndicatorSnapshot;
import org.casework.core.security.Actor;
import org.casework.core.security.ActorDetails;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

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

    private static final String SURNAMES = "张王李刘赵任曹孙陈杨周吴郭马何高宋郑谢韩冯朱胡许程邓";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国浩然子涵欣怡梓轩雨桐";

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
                .append(" ms\n");
        report.append("database: ").append(database).append("\n");
        report.append("hardware: ").append(hardware()).append("\n");
        if (generated) {
            report.append("(county generated by an earlier run, reused)\n");
        }
        System.out.print(report);
        if (!Boolean.getBoolean("bench.indicators.only")) {
            measureWorklistAndCaseload(report, worker, head, county);
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

    private String measure(String name, Actor actor, int runs, Supplier<Integer> call) {
        runAs(actor);
        try {
            int size = 0;
            for (int i = 0; i < Math.min(20, runs); i++) {
                size = call.get();
            }
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                size = call.get();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            String line = "%-55s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (%d runs, %d rows)%n"
                    .formatted(
                            name,
                            ms(nanos[runs / 2]),
                            ms(nanos[(int) (runs * 0.95) - 1]),
                            ms(nanos[runs - 1]),
                            runs,
                            size);
            // printed as it goes too: on a loaded machine a run can be cut short before the report
            System.out.print(line);
            return line;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<UUID> createWorkers() {
        List<UUID> ids = new ArrayList<>();
        List<java.util.Map<String, Object>> stations =
                jdbc.queryForList("select id, region_code from organisation where type = 'TOWNSHIP_STATION'");
        for (var station : stations) {
            for (int i = 0; i < 3; i++) {
                UUID id = UUID.randomUUID();
                jdbc.update(
                        "insert into user_account (id, version, username, display_name, password_hash, role,"
                                + " jurisdiction_code, organisation_id, enabled, failed_logins) values (?,0,?,?,?,?,?,?,true,0)",
                        bytes(id),
                        "bench-" + station.get("region_code") + "-" + i,
                        "基准社工" + i,
                        "{noop}x",
                        "STATION_WORKER",
                        station.get("region_code"),
                        station.get("id"));
                ids.add(id);
            }
        }
        jdbc.queryForList("select id from user_account where username = 'station-guyang'", byte[].class)
                .forEach(raw -> ids.add(uuid(raw)));
        return ids;
    }

    private final List<String> clientVillages = new ArrayList<>();

    private List<UUID> insertClients(List<String> villages) {
        List<UUID> ids = new ArrayList<>(CLIENTS);
        List<Object[]> batch = new ArrayList<>();
        List<Object[]> categories = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        String noIdReason = cipher.encrypt("基准数据：无证件");
        for (int i = 0; i < CLIENTS; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                    + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
            int age = random.nextInt(95);
            String village = villages.get(random.nextInt(villages.size()));
            clientVillages.add(village);
            batch.add(new Object[] {
                bytes(id),
                name,
                ChineseName.fullPinyin(name),
                ChineseName.initials(name),
                random.nextBoolean() ? "MALE" : "FEMALE",
                Date.valueOf(LocalDate.now().minusYears(age).minusDays(random.nextInt(365))),
                noIdReason,
                village,
                now
            });
            String category = age < 16 ? "LEFT_BEHIND_CHILD" : age >= 60 ? "ELDERLY" : null;
            String subType = "ELDERLY".equals(category)
                    ? (random.nextInt(10) == 0 ? "SPECIAL_DIFFICULTY_ELDERLY" : "LIVING_ALONE")
                    : null;
            if (category != null) {
                categories.add(new Object[] {
                    bytes(UUID.randomUUID()),
                    bytes(id),
                    category,
                    subType,
                    Date.valueOf(LocalDate.now().minusDays(300)),
                    now
                });
            }
            if (batch.size() == 1000) {
                flushClients(batch, categories);
            }
        }
        flushClients(batch, categories);
        return ids;
    }

    private void flushClients(List<Object[]> batch, List<Object[]> categories) {
        jdbc.batchUpdate(
                "insert into client (id, version, full_name, name_pinyin, name_initials, sex, birth_date, no_id_reason_enc,"
                        + " residence_region_code, created_at, created_by) values (?,0,?,?,?,?,?,?,?,?,'benchmark')",
                batch);
        jdbc.batchUpdate(
                "insert into client_category (id, client_id, type, sub_type, valid_from, source, recorded_by, recorded_at)"
                        + " values (?,?,?,?,?,'OUTREACH','benchmark',?)",
                categories);
        batch.clear();
        categories.clear();
    }

    private void insertCases(List<UUID> clients, List<UUID> workers) {
        var stations = new java.util.HashMap<String, byte[]>();
        jdbc.query("select id, region_code from organisation where type = 'TOWNSHIP_STATION'", rs -> {
            stations.put(rs.getString("region_code"), rs.getBytes("id"));
        });
        String[] states = {
            "ACTIVE", "ACTIVE", "ACTIVE", "ASSESSING", "INTAKE", "PLAN_REVIEW", "EVALUATING", "CLOSURE_REVIEW"
        };
        String[] risks = {"RED", "ORANGE", "ORANGE", "YELLOW", "YELLOW", "YELLOW", "GREEN", "GREEN", "GREEN", "GREEN"};
        List<Object[]> batch = new ArrayList<>();
        int year = LocalDate.now().getYear();
        for (int i = 0; i < OPEN_CASES; i++) {
            int pick = random.nextInt(clients.size());
            UUID client = clients.get(pick);
            String village = clientVillages.get(pick);
            byte[] station = stations.get(village.substring(0, 9));
            if (station == null) {
                continue;
            }
            UUID worker = workers.get(random.nextInt(workers.size()));
            Timestamp opened = Timestamp.from(Instant.now().minus(random.nextInt(300), ChronoUnit.DAYS));
            batch.add(new Object[] {
                bytes(UUID.randomUUID()),
                "410225-%d-B%05d".formatted(year, i),
                bytes(client),
                village,
                station,
                bytes(worker),
                states[random.nextInt(states.length)],
                risks[random.nextInt(risks.length)],
                opened
            });
            if (batch.size() == 1000) {
                flushCases(batch);
            }
        }
        flushCases(batch);
    }

    private void flushCases(List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into case_file (id, version, case_number, primary_client_id, region_code, station_id,"
                        + " assigned_worker_id, source, state, risk_level, follow_ups_done, opened_at)"
                        + " values (?,0,?,?,?,?,?,'OUTREACH',?,?,0,?)",
                batch);
        batch.clear();
    }

    private void insertServiceRecords(List<UUID> clients) {
        String notes = cipher.encrypt("常规家访：情况稳定，已了解近期学习和生活情况。");
        String[] types = {"HOME_VISIT", "HOME_VISIT", "PHONE_CALL", "VIDEO_CALL", "COUNSELLING", "MATERIAL_AID"};
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < SERVICE_RECORDS; i++) {
            Timestamp at = Timestamp.from(Instant.now().minus(1 + random.nextInt(365 * 24), ChronoUnit.HOURS));
            batch.add(new Object[] {
                bytes(UUID.randomUUID()),
                bytes(clients.get(random.nextInt(clients.size()))),
                types[random.nextInt(types.length)],
                at,
                30,
                notes,
                at
            });
            if (batch.size() == 2000) {
                flushServices(batch);
            }
        }
        flushServices(batch);
    }

    private void flushServices(List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into service_record (id, version, client_id, type, occurred_at, duration_minutes, notes_enc,"
                        + " recorded_by, recorded_at) values (?,0,?,?,?,?,?,'benchmark',?)",
                batch);
        batch.clear();
    }

    /**
     * Flags (about one per 25 clients a year, a tenth never triaged, the rest triaged within hours
     * or days) and reveals of ID numbers (one per 10 clients), spread over the last year.
     */
    private void insertFlagsAndReveals(List<UUID> clients, List<UUID> workers) {
        String text = cipher.encrypt("基准数据");
        // the type is an encrypted FlagType name: the escalation job reads these flags like any other
        String type = cipher.encrypt("LIVING_ALONE");
        String[] severities = {"RED", "ORANGE", "ORANGE", "YELLOW", "YELLOW", "GREEN"};
        List<Object[]> flags = new ArrayList<>();
        byte[] reporter = bytes(workers.get(0));
        for (int i = 0; i < clients.size() / 25; i++) {
            int pick = random.nextInt(clients.size());
            Instant raised = Instant.now().minus(1 + random.nextInt(365 * 24), ChronoUnit.HOURS);
            boolean triaged = random.nextInt(10) > 0;
            Instant triagedAt = raised.plus(random.nextInt(72 * 60), ChronoUnit.MINUTES);
            flags.add(new Object[] {
                bytes(UUID.randomUUID()),
                clientVillages.get(pick),
                bytes(clients.get(pick)),
                type,
                severities[random.nextInt(severities.length)],
                text,
                Timestamp.from(raised),
                reporter,
                Timestamp.from(raised),
                Timestamp.from(raised.plus(24, ChronoUnit.HOURS)),
                Timestamp.from(raised.plus(48, ChronoUnit.HOURS)),
                triaged ? "TRIAGED" : "UNTRIAGED",
                triaged ? Timestamp.from(triagedAt) : null,
                // untriaged ones were escalated long ago: the job does not text 200 alerts mid-run
                triaged ? null : Timestamp.from(raised.plus(24, ChronoUnit.HOURS)),
                triaged ? null : Timestamp.from(raised.plus(48, ChronoUnit.HOURS))
            });
        }
        jdbc.batchUpdate(
                "insert into flag (id, version, village_code, client_id, type_enc, severity, description_enc,"
                        + " observed_at, reporter_id, reporter_username, raised_at, triage_due_at, county_due_at, status,"
                        + " triaged_at, escalated_head_at, escalated_county_at)"
                        + " values (?,0,?,?,?,?,?,?,?,'benchmark',?,?,?,?,?,?,?)",
                flags);
        List<Object[]> reveals = new ArrayList<>();
        for (int i = 0; i < clients.size() / 10; i++) {
            UUID worker = workers.get(random.nextInt(workers.size()));
            reveals.add(new Object[] {
                bytes(UUID.randomUUID()),
                "bench-worker",
                bytes(worker),
                bytes(clients.get(random.nextInt(clients.size()))),
                text,
                Timestamp.from(Instant.now().minus(1 + random.nextInt(365 * 24), ChronoUnit.HOURS))
            });
            if (reveals.size() == 1000) {
                flushReveals(reveals);
            }
        }
        flushReveals(reveals);
    }

    private void flushReveals(List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into sensitive_access (id, actor, actor_id, client_id, reason_enc, occurred_at, outcome)"
                        + " values (?,?,?,?,?,?,'REVEALED')",
                batch);
        batch.clear();
    }

    /**
     * {@code -Dbench.schedules=fill}: a visit schedule for every client without one, written in
     * batches instead of computed client by client by the nightly refresh (which takes 4-30 minutes
     * for 50,000 clients on a shared machine). The level comes from the client's open case (its
     * risk) or category (特困 elderly orange, left-behind children yellow, others green), the last
     * visit from the home visits, the next due day from the level's interval. Same row count and
     * region spread as the refresh; the indicators read only these columns.
     */
    private void fillMissingSchedules() {
        java.util.Map<UUID, String> levels = new java.util.HashMap<>();
        jdbc.query("select client_id, type, sub_type from client_category", rs -> {
            String level = "SPECIAL_DIFFICULTY_ELDERLY".equals(rs.getString(3))
                    ? "ORANGE"
                    : "LEFT_BEHIND_CHILD".equals(rs.getString(2)) ? "YELLOW" : "GREEN";
            levels.merge(uuid(rs.getBytes(1)), level, WorklistBenchmark::higher);
        });
        jdbc.query("select primary_client_id, risk_level from case_file where risk_level is not null", rs -> {
            levels.merge(uuid(rs.getBytes(1)), rs.getString(2), WorklistBenchmark::higher);
        });
        java.util.Map<UUID, LocalDate> lastVisits = new java.util.HashMap<>();
        jdbc.query(
                "select client_id, max(occurred_at) from service_record where type = 'HOME_VISIT'"
                        + " and voided_at is null group by client_id",
                rs -> {
                    lastVisits.put(
                            uuid(rs.getBytes(1)),
                            rs.getTimestamp(2).toLocalDateTime().toLocalDate());
                });
        List<Object[]> batch = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate today = LocalDate.now();
        jdbc.query(
                "select c.id, c.residence_region_code from client c"
                        + " where not exists (select 1 from visit_schedule v where v.client_id = c.id)",
                rs -> {
                    UUID id = uuid(rs.getBytes(1));
                    String level = levels.getOrDefault(id, "GREEN");
                    int rank = LEVELS.indexOf(level);
                    int interval = new int[] {7, 14, 30, 90}[rank];
                    LocalDate last = lastVisits.get(id);
                    LocalDate due = last == null ? today.plusDays(random.nextInt(14) - 7) : last.plusDays(interval);
                    batch.add(new Object[] {
                        bytes(id),
                        rs.getString(2),
                        level,
                        rank,
                        last == null ? null : Date.valueOf(last),
                        Date.valueOf(due),
                        now
                    });
                });
        for (int i = 0; i < batch.size(); i += 1000) {
            jdbc.batchUpdate(
                    "insert into visit_schedule (client_id, region_code, visit_level, level_rank, last_visit_on,"
                            + " next_due_on, due_rule, refreshed_at, level_source) values (?,?,?,?,?,?,'LEVEL_INTERVAL',?,"
                            + " 'REGISTRY')",
                    batch.subList(i, Math.min(batch.size(), i + 1000)));
        }
    }

    private static final List<String> LEVELS = List.of("RED", "ORANGE", "YELLOW", "GREEN");

    private static String higher(String a, String b) {
        return LEVELS.indexOf(a) <= LEVELS.indexOf(b) ? a : b;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private Actor actor(String username, Role role, String jurisdiction) {
        byte[] raw = jdbc.queryForObject("select id from user_account where username = ?", byte[].class, username);
        byte[] org = jdbc.queryForObject(
                "select organisation_id from user_account where username = ?", byte[].class, username);
        return new Actor(uuid(raw), username, role, new RegionCode(jurisdiction), org == null ? null : uuid(org));
    }

    private static void runAs(Actor actor) {
        ActorDetails details = new ActorDetails(actor, "", true, false);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    private static String hardware() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse(cpu);
        } catch (IOException e) {
            // not Linux: the core count and heap still describe the machine
        }
        return "%d cores, %s, JVM heap max %d MiB, Java %s"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        cpu,
                        Runtime.getRuntime().maxMemory() / (1024 * 1024),
                        System.getProperty("java.version"));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static byte[] bytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static UUID uuid(byte[] raw) {
        var buffer = java.nio.ByteBuffer.wrap(raw);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
