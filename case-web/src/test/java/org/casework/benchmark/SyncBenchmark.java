package org.casework.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.casework.benchmark.sync.CaseworkPeer;
import org.casework.benchmark.sync.NaiveRestPeer;
import org.casework.benchmark.sync.PouchDbPeer;
import org.casework.benchmark.sync.ScopeCheck;
import org.casework.benchmark.sync.SeedData;
import org.casework.benchmark.sync.SyncPeer;
import org.casework.benchmark.sync.SyncPeer.Outcome;
import org.casework.benchmark.sync.SyncSeed;
import org.casework.core.accounts.AccountService;
import org.casework.core.shared.FieldCipher;
import org.casework.core.visits.VisitScheduleMaintenance;
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

    @Autowired
    VisitScheduleMaintenance schedules;

    /** Casework initial syncs repeated for the timing analysis: {@code profile:count}, e.g. {@code 3G:5}. */
    private static final String INITIAL_REPEATS = System.getProperty("bench.sync.initial", "");

    record Row(
            String profile,
            String peer,
            String scenario,
            SyncProxy.Counters traffic,
            Outcome outcome,
            double cpuMillis,
            int records,
            Timing timing) {}

    /**
     * Where a single-request sync's wall time went, from the proxy's {@link SyncProxy.Trace}
     * (milliseconds; the five phases add up to the wall time).
     *
     * @param toServer start → the request's last byte handed to the server (device work before
     *     sending, a new connection's handshake, upload, one-way latency)
     * @param server last request byte at the server → its first response byte at the proxy (parsing,
     *     authentication, the pull, JSON and gzip: the server answers only when the body is complete)
     * @param firstByte the server's first byte → handed to the device (one-way latency plus one
     *     segment's transfer)
     * @param streaming first → last response byte handed to the device (the bytes at the link's rate)
     * @param device last byte → the client's sync returned (gunzip, parse, SQLite)
     * @param newConnection whether the scenario opened a connection (its handshake is in toServer)
     */
    record Timing(
            double toServer, double server, double firstByte, double streaming, double device, boolean newConnection) {

        static Timing of(SyncProxy.Trace t, long start, double wallMillis) {
            long end = start + (long) (wallMillis * 1e6);
            if (t.upLastDelivered() == 0 || t.downFirstRead() == 0 || t.downLastDelivered() == 0) {
                return null;
            }
            return new Timing(
                    (t.upLastDelivered() - start) / 1e6,
                    (t.downFirstRead() - t.upLastDelivered()) / 1e6,
                    (t.downFirstDelivered() - t.downFirstRead()) / 1e6,
                    (t.downLastDelivered() - t.downFirstDelivered()) / 1e6,
                    (end - t.downLastDelivered()) / 1e6,
                    t.connectedAt() != 0);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "to server %.0f ms%s, server %.0f, first byte %.0f, streaming %.0f, device after last byte %.0f",
                    toServer,
                    newConnection ? " (new connection)" : "",
                    server,
                    firstByte,
                    streaming,
                    device);
        }
    }

    @Test
    void offlineSyncSideBySide() throws Exception {
        SyncSeed seed = new SyncSeed(jdbc, cipher, accounts);
        long seedStart = System.nanoTime();
        SeedData data = seed.seed(CHILDREN);
        // the seed writes its clients straight into the database, after the server's start-up
        // backfill: give them their visit schedules as that backfill does, so a device's scope holds
        // every child's due visit from the start (otherwise they appear only once something reads
        // or refreshes a schedule, e.g. the naive peer's /visit-schedule reads, and the scope
        // depends on which peer ran first)
        schedules.backfillMissing();
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        String childId = data.children().get(0).id();

        Map<String, SyncPeer> peers = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        ScopeCheck scopeCheck = new ScopeCheck();
        List<String> notes = new ArrayList<>();
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
                        // like-for-like: pouchdb-server holding exactly what a casework device holds
                        case "pouchdb-scope" ->
                            PouchDbPeer.holding(
                                    Path.of("..", "bench", "pouchdb"),
                                    "PouchDB (casework scope)",
                                    exportScope(data, scopeCheck, notes));
                        // like-for-like: /api/v1 walking the records a casework device holds
                        case "naive-scope" ->
                            NaiveRestPeer.scoped(
                                    port,
                                    data,
                                    () -> resetMeasuredVillage(data),
                                    exportScope(data, scopeCheck, notes).size());
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
                if (peer instanceof CaseworkPeer) {
                    scopeCheck.deviceHolds(rows.get(rows.size() - 1).records());
                }
                if (peerName.endsWith("-scope")) {
                    // the scoped database holds the casework scope's documents, not children and
                    // visits: the visit and two-device scenarios do not apply; initial and no-op do
                    rows.add(measure(link, p, proxy, "3 no-op sync", p::noOpSync));
                    rows.subList(rows.size() - 2, rows.size()).forEach(System.out::println);
                    continue;
                }
                if (!(peer instanceof PouchDbPeer)) {
                    // the station's visits and the scenarios below change the village on our server
                    scopeCheck.villageChanged();
                }
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
            if (!INITIAL_REPEATS.isBlank()) {
                rows.addAll(initialRepeats(data));
            }
        } finally {
            for (SyncPeer peer : peers.values()) {
                peer.close();
            }
        }
        notes.add(scopeCheck.summary());
        String report = report(data, seedMillis, pouchVersion, rows) + "\n" + String.join("\n", notes) + "\n";
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-sync.txt"), report);
        scopeCheck.verify();
    }

    /**
     * The casework device's scope as documents for the like-for-like peers (a device of its own
     * syncs the village), counted by type for the report and compared with the casework device.
     */
    private List<Map<String, Object>> exportScope(SeedData data, ScopeCheck check, List<String> notes)
            throws Exception {
        try (CaseworkPeer exporter = new CaseworkPeer(port, data)) {
            List<Map<String, Object>> docs = exporter.scopeDocuments();
            Map<Object, Long> byType =
                    docs.stream().collect(Collectors.groupingBy(d -> d.get("t"), TreeMap::new, Collectors.counting()));
            String note = "scope export: %d records, by type %s".formatted(docs.size(), byType);
            System.out.println(note);
            notes.add(note);
            check.exported(docs.size());
            return docs;
        }
    }

    private Row measure(LinkProfile link, SyncPeer peer, SyncProxy proxy, String scenario, Callable<Outcome> body)
            throws Exception {
        SyncProxy.Counters before = proxy.counters();
        long cpuBefore = peer.serverCpuNanos();
        SyncProxy.Trace trace = proxy.startTrace();
        long start = System.nanoTime();
        Outcome outcome = body.call();
        // the proxy counts a chunk just after writing it; let the last ones land
        Thread.sleep(100);
        boolean initial = scenario.startsWith("1");
        SyncProxy.Counters traffic = proxy.counters().minus(before);
        // the phases are only well defined for one request; a peer with many interleaves them
        boolean single = traffic.requests() == 1;
        return new Row(
                link.name(),
                peer.name(),
                scenario,
                traffic,
                outcome,
                (peer.serverCpuNanos() - cpuBefore) / 1e6,
                initial ? peer.recordsHeld() : -1,
                initial && single ? Timing.of(trace, start, outcome.millis()) : null);
    }

    /**
     * The timing analysis of the casework initial sync (issue 16): {@code count} fresh devices on the
     * link, each registered through it; "warm" syncs on the connection the registration left open,
     * "cold" after the proxy closed it (as when the phone's radio dropped the idle connection), so
     * the sync pays a TCP handshake.
     */
    private List<Row> initialRepeats(SeedData data) throws Exception {
        LinkProfile link = PROFILES.get(INITIAL_REPEATS.split(":")[0].strip());
        int count = Integer.parseInt(INITIAL_REPEATS.split(":")[1].strip());
        List<Row> rows = new ArrayList<>();
        try (CaseworkPeer peer = new CaseworkPeer(port, data)) {
            for (int i = 0; i < count; i++) {
                for (boolean cold : List.of(false, true)) {
                    SyncProxy proxy = peer.open(link);
                    if (cold) {
                        proxy.cutAll();
                        // the client notices the closed pooled connection before it sends again
                        Thread.sleep(500);
                    }
                    Row row = measure(
                            link,
                            peer,
                            proxy,
                            "1 initial sync, " + (cold ? "cold" : "warm") + " #" + (i + 1),
                            peer::initialSync);
                    System.out.println(row);
                    rows.add(row);
                }
            }
        }
        return rows;
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
        out.append("hardware: ").append(BenchmarkTiming.hardware()).append('\n');
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
                        "| %-24s | %-32s | %10s | %10s | %12s | %9s | %8s | %-20s | %s%n",
                        "peer",
                        "scenario",
                        "bytes up",
                        "bytes down",
                        "requests (conn)",
                        "wall s",
                        "srv CPU ms",
                        "outcome",
                        "detail"));
            }
            String detail = row.outcome().detail();
            if (row.scenario().startsWith("1")) {
                LinkProfile link = PROFILES.get(row.profile());
                double floor = LinkProfile.transferSeconds(row.traffic().bytesDown(), link.downKbps());
                double rtt = link.oneWayLatency().toMillis() * 2 / 1000.0;
                int records = row.records() > 0
                        ? row.records()
                        : data.children().size() + data.visits().size();
                detail += "; %.1f bytes down per record (%d records), %.0f per child;"
                                .formatted(
                                        (double) row.traffic().bytesDown() / records,
                                        records,
                                        (double) row.traffic().bytesDown()
                                                / data.children().size())
                        + (floor == 0
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " bandwidth floor for these bytes %.2f s (%.2fx), floor + 1 RTT %.2f s (%.2fx)",
                                        floor,
                                        row.outcome().millis() / 1000 / floor,
                                        floor + rtt,
                                        row.outcome().millis() / 1000 / (floor + rtt)));
                if (row.timing() != null) {
                    detail += "; " + row.timing();
                }
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| %-24s | %-32s | %10d | %10d | %12s | %9.2f | %8.0f | %-20s | %s%n",
                    row.peer(),
                    row.scenario(),
                    row.traffic().bytesUp(),
                    row.traffic().bytesDown(),
                    row.traffic().requests() + " (" + row.traffic().connections() + ")",
                    row.outcome().millis() / 1000,
                    row.cpuMillis(),
                    row.outcome().correctness(),
                    detail));
        }
        return out.toString();
    }
}
