package org.casework.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.casework.core.bootstrap.CountyFoundation;
import org.casework.core.caseload.CaseloadService;
import org.casework.core.indicators.IndicatorService;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.FieldCipher;
import org.casework.core.shared.RegionCode;
import org.casework.core.worklist.WorklistService;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.sync.server.engine.SyncService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Province scale (issue 14): {@code -Dcasework.bench.counties=N} counties of generated data (default
 * 2; 50,000 clients, 10,000 cases and 300,000 service records each, as {@link WorklistBenchmark}
 * generates one county, with {@link GeneratedCounty}) in one database: the demo county 兰考县 and
 * N − 1 real Henan counties whose official divisions the app imports, each with its centre and
 * stations. Then, as 兰考县's users (so that each figure shows what the other counties' rows cost a
 * query scoped to one county or township): the worklist of a township worker, a station head and
 * the county supervisor, the caseload and the indicators of the head and the supervisor, and a
 * village director's initial device sync. Server time (core services, no HTTP); p50/p95 and the
 * data size printed and written to {@code target/benchmark-province-<database>.txt}. Run: {@code
 * ./mvnw verify -Pbenchmark,mariadb -pl case-web -am -Dtest=ProvinceBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcasework.bench.counties=4}; see docs/benchmarks.md.
 */
@Tag("benchmark")
@IntegrationTest
class ProvinceBenchmark {

    private static final int COUNTIES = Integer.getInteger("casework.bench.counties", 2);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 50_000);
    private static final int OPEN_CASES = Integer.getInteger("bench.cases", 10_000);
    private static final int SERVICE_RECORDS = Integer.getInteger("bench.services", 300_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 100);
    private static final int SLOW_RUNS = Integer.getInteger("bench.indicator.runs", 20);

    /** 兰考县 (the demo county) first, then real counties of Henan (统计用区划代码): up to 20. */
    static final List<String> COUNTY_CODES = List.of(
            "410225", "410221", "410222", "410223", "410122", "410323", "410324", "410325", "410326", "410327",
            "410328", "410329", "410421", "410422", "410423", "410425", "410522", "410523", "410526", "410527");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FieldCipher cipher;

    @Autowired
    CountyFoundation foundation;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    WorklistService worklist;

    @Autowired
    CaseloadService caseload;

    @Autowired
    IndicatorService indicators;

    @Autowired
    SyncService sync;

    private final Random random = new Random(42);

    @Test
    void worklistCaseloadIndicatorsAndSyncAtProvinceScale() throws Exception {
        if (COUNTIES < 1 || COUNTIES > COUNTY_CODES.size()) {
            throw new IllegalArgumentException("casework.bench.counties must be 1 to " + COUNTY_CODES.size());
        }
        long generationStart = System.nanoTime();
        // a kept database (-Dcasework.test.database.keep=NAME) that already holds the counties is reused
        boolean generated = count("client") >= (long) COUNTIES * CLIENTS;
        if (!generated) {
            GeneratedCounty last = null;
            for (String code : COUNTY_CODES.subList(0, COUNTIES)) {
                if (count("select count(*) from client where residence_region_code like '" + code + "%'") >= CLIENTS) {
                    continue;
                }
                if (!"410225".equals(code)) {
                    transactions.executeWithoutResult(tx -> {
                        foundation.importRegions(new RegionCode(code));
                        foundation.createCentreAndStations(new RegionCode(code));
                    });
                }
                List<String> villages = jdbc.queryForList(
                        "select code from region where level = 'VILLAGE' and code like ? order by code",
                        String.class,
                        code + "%");
                GeneratedCounty county = new GeneratedCounty(jdbc, cipher, random, code);
                List<UUID> workers = county.createWorkers();
                List<UUID> clients = county.insertClients(villages, CLIENTS);
                county.insertCases(clients, workers, OPEN_CASES);
                county.insertServiceRecords(clients, SERVICE_RECORDS);
                county.insertFlagsAndReveals(clients, workers);
                System.out.printf("county %s generated: %d villages%n", code, villages.size());
                last = county;
            }
            if (last != null) {
                last.fillMissingSchedules();
            }
        }
        long generationSeconds = (System.nanoTime() - generationStart) / 1_000_000_000;

        String database = dataSource.getConnection().getMetaData().getDatabaseProductName() + " "
                + dataSource.getConnection().getMetaData().getDatabaseProductVersion();
        StringBuilder report = new StringBuilder();
        report.append("Casework province-scale benchmark: %d counties%n".formatted(COUNTIES));
        report.append("data: %d clients, %d cases, %d service records, %d visit schedules, %d flags, %d regions;"
                        .formatted(
                                count("client"),
                                count("case_file"),
                                count("service_record"),
                                count("visit_schedule"),
                                count("flag"),
                                count("region"))
                + (generated ? " generated by an earlier run, reused" : " generated in " + generationSeconds + " s")
                + "\n");
        report.append("兰考县 alone: %d clients, %d cases%n"
                .formatted(
                        count("select count(*) from client where residence_region_code like '410225%'"),
                        count("select count(*) from case_file where region_code like '410225%'")));
        report.append("database: ").append(database).append("\n");
        report.append("hardware: ").append(BenchmarkTiming.hardware()).append("\n");
        System.out.print(report);

        Actor worker = actor("station-guyang", Role.STATION_WORKER, "410225101");
        Actor head = actor("head-guyang", Role.STATION_HEAD, "410225101");
        Actor county = actor("county-sup", Role.COUNTY_SUPERVISOR, "410225");
        for (var user : List.of(
                Map.entry("station worker 堌阳镇", worker),
                Map.entry("station head 堌阳镇", head),
                Map.entry("county supervisor 兰考县", county))) {
            report.append(measure(
                    "worklist page 1 (50 items), " + user.getKey(),
                    user.getValue(),
                    RUNS,
                    () -> worklist.worklist(PageRequest.of(0, 50)).getNumberOfElements()));
            report.append(measure(
                    "worklist page 20 (50 items), " + user.getKey(),
                    user.getValue(),
                    RUNS,
                    () -> worklist.worklist(PageRequest.of(19, 50)).getNumberOfElements()));
        }
        report.append(measure(
                "caseload, station head 堌阳镇",
                head,
                RUNS,
                () -> caseload.caseload().size()));
        report.append(measure(
                "caseload, county supervisor 兰考县",
                county,
                RUNS,
                () -> caseload.caseload().size()));
        // computed live: the nightly snapshot would hide what the data size costs
        jdbc.update("delete from indicator_snapshot");
        LocalDate to = LocalDate.now();
        report.append(measure(
                "indicators (live, 30 days), station head 堌阳镇",
                head,
                SLOW_RUNS,
                () -> indicators
                        .indicators(null, to.minusDays(29), to, null)
                        .caseload()
                        .workers()
                        .size()));
        report.append(measure(
                "indicators (live, 30 days), county supervisor 兰考县",
                county,
                SLOW_RUNS,
                () -> indicators
                        .indicators(null, to.minusDays(29), to, null)
                        .caseload()
                        .workers()
                        .size()));
        report.append(initialSync("director-renzhuang", "village director 任庄村"));
        // a township user's device: the station worker's assigned clients (county users do not
        // sync, protocol §4)
        report.append(initialSync("station-guyang", "station worker 堌阳镇 (assigned clients)"));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target", "benchmark-province-" + database.split(" ")[0].toLowerCase() + ".txt"),
                report.toString());
    }

    /**
     * A first sync of a new device: every page of the user's scope from no cursor, 1,000 changes a
     * call (the device is registered once over HTTP, like the app does).
     */
    private String initialSync(String username, String who) {
        // a kept database holds the devices of earlier runs: retire them, or the user's device limit
        // refuses the new one (HTTP 409) from the fourth run on
        jdbc.update(
                "update sync_device set revoked_at = current_timestamp, revoked_by = 'province-bench'"
                        + " where name = 'province-bench' and revoked_at is null"
                        + " and user_id = (select id from user_account where username = ?)",
                username);
        Api api = new Api(port);
        Api.Response device = api.post(
                "/api/sync/v1/devices",
                Map.of("username", username, "password", "casework-demo", "deviceName", "province-bench"),
                null);
        if (device.body() == null || device.body().get("deviceId") == null) {
            throw new IllegalStateException("device registration: HTTP " + device.status());
        }
        UUID deviceId = UUID.fromString(device.body().get("deviceId").asString());
        Actor director = actor(username, null, null);
        return measure("initial device sync, " + who + " (pages of 1,000)", director, SLOW_RUNS, () -> {
            String cursor = null;
            int pulled = 0;
            int calls = 0;
            while (true) {
                SyncService.Outcome outcome = sync.sync(deviceId, cursor, List.of(), null, 1000);
                pulled += outcome.pull().changes().size();
                cursor = outcome.pull().cursor();
                calls++;
                if (!outcome.pull().more() || calls > 1000) {
                    break;
                }
            }
            return pulled;
        });
    }

    private long count(String tableOrQuery) {
        String sql = tableOrQuery.startsWith("select") ? tableOrQuery : "select count(*) from " + tableOrQuery;
        return jdbc.queryForObject(sql, Long.class);
    }

    /** The account as the services see it (role and jurisdiction as stored when not given). */
    private Actor actor(String username, Role role, String jurisdiction) {
        var row = jdbc.queryForMap(
                "select id, role, jurisdiction_code, organisation_id from user_account where username = ?", username);
        Role actual = role != null ? role : Role.valueOf((String) row.get("role"));
        String scope = jurisdiction != null ? jurisdiction : (String) row.get("jurisdiction_code");
        byte[] org = (byte[]) row.get("organisation_id");
        return new Actor(
                BenchmarkTiming.uuid((byte[]) row.get("id")),
                username,
                actual,
                new RegionCode(scope),
                org == null ? null : BenchmarkTiming.uuid(org));
    }

    private String measure(String name, Actor actor, int runs, Supplier<Integer> call) {
        return BenchmarkTiming.measure(name, actor, 10, runs, call);
    }
}
