package org.casework.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.casework.benchmark.sync.CaseworkPeer;
import org.casework.benchmark.sync.NaiveRestPeer;
import org.casework.benchmark.sync.PouchDbPeer;
import org.casework.benchmark.sync.SeedData;
import org.casework.benchmark.sync.SyncPeer;
import org.casework.benchmark.sync.SyncPeer.Outcome;
import org.casework.benchmark.sync.SyncSeed;
import org.casework.core.accounts.AccountService;
import org.casework.core.shared.FieldCipher;
import org.casework.it.IntegrationTest;
import org.casework.sync.proxy.LinkProfile;
import org.casework.sync.proxy.SyncProxy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Offline sync side by side (issue 5): the same village (default 1,000 children with 5 visits
 * each, Chinese text) synced by each peer through the {@link SyncProxy} at 2G and 3G, five
 * scenarios each; prints bytes, requests, wall time, server CPU and the correctness outcome. A
 * measurement, not a pass/fail test; see docs/benchmarks.md. Options: {@code -Dbench.sync.children=1000}
 * and {@code -Dbench.sync.runs=pouchdb:2G,naive:2G,pouchdb:3G,naive:3G} (peer:profile, in order).
 */
@Tag("benchmark")
@IntegrationTest
class SyncBenchmark {

    private static final int CHILDREN = Integer.getInteger("bench.sync.children", 1000);
    private static final String RUNS =
            System.getProperty("bench.sync.runs", "casework:2G,pouchdb:2G,naive:2G,casework:3G,pouchdb:3G,naive:3G");
    private static final int LOCAL_CHANGES = 20;
    private static final int REMOTE_CHANGES = 50;
    private static final Map<String, LinkProfile> PROFILES =
            Map.of("2G", LinkProfile.TWO_G, "3G", LinkProfile.THREE_G, "unlimited", LinkProfile.UNLIMITED);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FieldCipher cipher;

    @Autowired
    AccountService accounts;

    record Row(
            String profile,
            String peer,
            String scenario,
            SyncProxy.Counters traffic,
            Outcome outcome,
            double cpuMillis) {}

    @Test
    void offlineSyncSideBySide() throws Exception {
        SyncSeed seed = new SyncSeed(jdbc, cipher, accounts);
        long seedStart = System.nanoTime();
        SeedData data = seed.seed(CHILDREN);
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        String childId = data.children().get(0).id();

        Map<String, SyncPeer> peers = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        String pouchVersion = "";
        try {
            for (String run : RUNS.split(",")) {
                String peerName = run.split(":")[0].strip();
                LinkProfile link = PROFILES.get(run.split(":")[1].strip());
                SyncPeer peer = peers.get(peerName);
                if (peer == null) {
                    peer = switch (peerName) {
                        case "pouchdb" -> new PouchDbPeer(Path.of("..", "bench", "pouchdb"), data);
                        case "naive" -> new NaiveRestPeer(port, data, () -> resetMeasuredVillage(data));
                        case "casework" -> new CaseworkPeer(port, data);
                        default -> throw new IllegalArgumentException("unknown peer " + peerName);
                    };
                    peers.put(peerName, peer);
                    if (peer instanceof PouchDbPeer pouch) {
                        pouchVersion = pouch.serverVersion();
                    }
                }
                // the same new visits for every peer of a profile: generated from a fixed seed per run
                List<SeedData.Visit> local = seed.newVisits(data, LOCAL_CHANGES);
                List<SeedData.Visit> remote = seed.newVisits(data, REMOTE_CHANGES);
                List<SeedData.Visit> twice = seed.newVisits(data, LOCAL_CHANGES);
                SyncProxy proxy = peer.open(link);
                SyncPeer p = peer;
                rows.add(measure(link, p, proxy, "1 initial sync", p::initialSync));
                p.remoteChanges(remote);
                rows.add(measure(
                        link,
                        p,
                        proxy,
                        "2 steady: %d local, %d remote".formatted(LOCAL_CHANGES, REMOTE_CHANGES),
                        () -> p.steadySync(local, remote)));
                rows.add(measure(link, p, proxy, "3 no-op sync", p::noOpSync));
                rows.add(measure(
                        link,
                        p,
                        proxy,
                        "4 same child on two devices",
                        () -> p.sameChildOnTwoDevices(
                                childId, "设备A（" + link.name() + "）：堌阳镇中心小学", "设备B（" + link.name() + "）：兰考县第三实验小学")));
                rows.add(measure(link, p, proxy, "5 every push delivered twice", () -> p.everyPushTwice(twice)));
                rows.subList(rows.size() - 5, rows.size()).forEach(System.out::println);
            }
        } finally {
            for (SyncPeer peer : peers.values()) {
                peer.close();
            }
        }
        String report = report(data, seedMillis, pouchVersion, rows);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-sync.txt"), report);
    }

    private Row measure(LinkProfile link, SyncPeer peer, SyncProxy proxy, String scenario, Callable<Outcome> body)
            throws Exception {
        SyncProxy.Counters before = proxy.counters();
        long cpuBefore = peer.serverCpuNanos();
        Outcome outcome = body.call();
        // the proxy counts a chunk just after writing it; let the last ones land
        Thread.sleep(100);
        return new Row(
                link.name(),
                peer.name(),
                scenario,
                proxy.counters().minus(before),
                outcome,
                (peer.serverCpuNanos() - cpuBefore) / 1e6);
    }

    /** Each run of the naive peer starts from the seeded village: later runs would otherwise walk more visits. */
    private void resetMeasuredVillage(SeedData data) {
        jdbc.update(
                "delete from service_record where recorded_by <> 'benchmark' and client_id in"
                        + " (select id from client where residence_region_code = ?)",
                data.villageCode());
    }

    private String report(SeedData data, long seedMillis, String pouchVersion, List<Row> rows) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("Casework offline sync benchmark (issue 5)\n");
        out.append("data: 1 township (%s), 20 villages; measured village %s: %d children, %d visits; seeded in %d ms\n"
                .formatted(
                        SyncSeed.TOWNSHIP,
                        data.villageCode(),
                        data.children().size(),
                        data.visits().size(),
                        seedMillis));
        try (var connection = dataSource.getConnection()) {
            out.append("our server: ")
                    .append(connection.getMetaData().getDatabaseProductName())
                    .append(' ')
                    .append(connection.getMetaData().getDatabaseProductVersion())
                    .append('\n');
        }
        if (!pouchVersion.isEmpty()) {
            out.append("pouchdb: ").append(pouchVersion).append('\n');
        }
        out.append("hardware: ").append(hardware()).append('\n');
        String profile = null;
        for (Row row : rows) {
            if (!row.profile().equals(profile)) {
                profile = row.profile();
                LinkProfile link = PROFILES.get(profile);
                out.append("\n== link ")
                        .append(profile)
                        .append(" (%d/%d kbit/s down/up, %d ms RTT; 0 = unlimited)"
                                .formatted(
                                        link.downKbps(),
                                        link.upKbps(),
                                        link.oneWayLatency().toMillis() * 2))
                        .append(" ==\n");
                out.append(String.format(
                        Locale.ROOT,
                        "| %-20s | %-32s | %10s | %10s | %8s | %9s | %8s | %-20s | %s%n",
                        "peer",
                        "scenario",
                        "bytes up",
                        "bytes down",
                        "requests",
                        "wall s",
                        "srv CPU ms",
                        "outcome",
                        "detail"));
            }
            String detail = row.outcome().detail();
            if (row.scenario().startsWith("1")) {
                LinkProfile link = PROFILES.get(row.profile());
                double floor = LinkProfile.transferSeconds(row.traffic().bytesDown(), link.downKbps());
                int records = data.children().size() + data.visits().size();
                detail += "; %.0f bytes down per record (%d children + %d visits), %.0f per child with its visits;"
                                .formatted(
                                        (double) row.traffic().bytesDown() / records,
                                        data.children().size(),
                                        data.visits().size(),
                                        (double) row.traffic().bytesDown()
                                                / data.children().size())
                        + " bandwidth floor for these bytes %.1f s".formatted(floor);
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| %-20s | %-32s | %10d | %10d | %8d | %9.1f | %8.0f | %-20s | %s%n",
                    row.peer(),
                    row.scenario(),
                    row.traffic().bytesUp(),
                    row.traffic().bytesDown(),
                    row.traffic().requests(),
                    row.outcome().millis() / 1000,
                    row.cpuMillis(),
                    row.outcome().correctness(),
                    detail));
        }
        return out.toString();
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
            // not Linux: the core count still describes the machine
        }
        return "%d cores, %s, Java %s"
                .formatted(Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"));
    }
}
