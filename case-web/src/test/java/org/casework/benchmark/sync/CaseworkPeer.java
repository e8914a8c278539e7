package org.casework.benchmark.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.casework.sync.client.HttpSyncTransport;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.casework.sync.client.RetryPolicy;
import org.casework.sync.client.SyncClient;
import org.casework.sync.client.SyncReport;
import org.casework.sync.client.SyncTransport;
import org.casework.sync.protocol.SyncNames.RecordType;
import org.casework.sync.proxy.LinkProfile;
import org.casework.sync.proxy.SyncProxy;
import tools.jackson.databind.json.JsonMapper;

/**
 * This module: the Java reference client ({@code org.casework.sync.client}) with its SQLite store,
 * speaking {@code /api/sync/v1} through the proxy. What the device holds is its protocol scope
 * (section 3 of docs/sync-protocol.md): the village's children, households and due visits, the
 * user's own flags and the visits the user logged; the visit history others logged is not copied
 * to the phone.
 */
public final class CaseworkPeer implements SyncPeer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The record types a device stores (docs/sync-protocol.md §3). */
    private static final List<String> RECORD_TYPES = List.of(
            RecordType.CLIENT,
            RecordType.HOUSEHOLD,
            RecordType.VISIT_DUE,
            RecordType.FLAG,
            RecordType.VISIT,
            RecordType.CASE,
            RecordType.REGION,
            RecordType.FLAG_TYPE,
            RecordType.VISIT_TYPE,
            RecordType.STATION);

    private final int serverPort;
    private final SeedData data;
    private final Path dir;
    private final HttpClient direct =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SyncProxy proxy;
    private SyncClient device;
    private Path deviceFile;
    private final Twice transport = new Twice();

    public CaseworkPeer(int serverPort, SeedData data) throws IOException {
        this.serverPort = serverPort;
        this.data = data;
        this.dir = Files.createTempDirectory("casework-peer");
    }

    @Override
    public String name() {
        return "casework /api/sync/v1";
    }

    @Override
    public SyncProxy open(LinkProfile link) throws Exception {
        closeDevice();
        if (proxy != null) {
            proxy.close();
        }
        proxy = SyncProxy.start("127.0.0.1", serverPort, link);
        transport.http = new HttpSyncTransport(URI.create(proxy.url()), Duration.ofMinutes(10), "zh-CN");
        transport.twice = false;
        deviceFile = dir.resolve("device-" + UUID.randomUUID() + ".db");
        device = open(deviceFile, transport);
        device.register(data.username(), data.password(), "bench " + link.name());
        return proxy;
    }

    @Override
    public long serverCpuNanos() {
        return ServerThreads.cpuNanos();
    }

    @Override
    public Outcome initialSync() throws SQLException {
        long start = System.nanoTime();
        SyncReport report = device.sync();
        double millis = (System.nanoTime() - start) / 1e6;
        int children = device.store().recordsOfType("client").size();
        return new Outcome(
                millis,
                children >= data.children().size() ? "ok" : "lost",
                "%d requests, %d records; %d children on the device; by type %s"
                        .formatted(report.requests(), report.changes(), children, storedByType(deviceFile)));
    }

    @Override
    public int recordsHeld() throws SQLException {
        return total(storedByType(deviceFile));
    }

    /**
     * The records in a device's store by type, read from its SQLite file: every type it stores, so
     * a type the benchmark does not know fails the count instead of being left out of it.
     */
    static Map<String, Integer> storedByType(Path file) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select t, count(*) from record group by t")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static int total(Map<String, Integer> byType) {
        for (String type : byType.keySet()) {
            if (!RECORD_TYPES.contains(type)) {
                throw new IllegalStateException("the device stores records of type " + type
                        + ", which the benchmark neither counts nor exports: add it to RECORD_TYPES");
            }
        }
        return byType.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The station logs visits on the web meanwhile: the device gets the children's new due dates. */
    @Override
    public void remoteChanges(List<SeedData.Visit> visits) throws Exception {
        String token = token("station-guyang", "casework-demo");
        for (SeedData.Visit visit : visits) {
            post(
                    "/api/v1/services",
                    Map.of(
                            "clientId", visit.clientId(),
                            "type", visit.type(),
                            "occurredAt", visit.occurredAt(),
                            "durationMinutes", visit.durationMinutes(),
                            "notes", visit.notes()),
                    token,
                    201);
        }
    }

    @Override
    public Outcome steadySync(List<SeedData.Visit> local, List<SeedData.Visit> expectedRemote) {
        local.forEach(this::logOffline);
        long start = System.nanoTime();
        SyncReport report = device.sync();
        double millis = (System.nanoTime() - start) / 1e6;
        boolean ok = report.applied() == local.size() && report.pending() == 0;
        return new Outcome(
                millis,
                ok ? "ok" : "lost " + (local.size() - report.applied()),
                "%d request(s): %d pushed and applied once, %d changes pulled (due dates of the visited children)"
                        .formatted(report.requests(), report.applied(), report.changes()));
    }

    @Override
    public Outcome noOpSync() {
        long start = System.nanoTime();
        SyncReport report = device.sync();
        double millis = (System.nanoTime() - start) / 1e6;
        return new Outcome(
                millis,
                report.changes() == 0 ? "ok" : "changed",
                "%d request(s), %d changes".formatted(report.requests(), report.changes()));
    }

    /**
     * Device B is set up directly against the server (its own initial sync is not this scenario);
     * then A and B sync their offline edits of the same child through the link: A's is applied,
     * B's clashes and becomes a conflict record the station resolves, with both values kept.
     */
    @Override
    public Outcome sameChildOnTwoDevices(String childId, String schoolOnA, String schoolOnB) throws Exception {
        Path bFile = dir.resolve("device-b-" + UUID.randomUUID() + ".db");
        try (SyncClient setup = open(
                bFile,
                new HttpSyncTransport(URI.create("http://127.0.0.1:" + serverPort), Duration.ofMinutes(1), "zh-CN"))) {
            setup.register(data.username(), data.password(), "bench device B");
            setup.sync();
        }
        long start = System.nanoTime();
        device.edits().editProfile(UUID.fromString(childId), Map.of("school", schoolOnA));
        SyncReport a = device.sync();
        SyncReport b;
        try (SyncClient deviceB =
                open(bFile, new HttpSyncTransport(URI.create(proxy.url()), Duration.ofMinutes(10), "zh-CN"))) {
            deviceB.edits().editProfile(UUID.fromString(childId), Map.of("school", schoolOnB));
            b = deviceB.sync();
            revoke(deviceB.deviceId());
        }
        double millis = (System.nanoTime() - start) / 1e6;
        boolean surfaced = a.applied() == 1 && b.conflicts() == 1;
        return new Outcome(
                millis,
                surfaced ? "conflict surfaced" : "conflict hidden",
                "A applied %d, B conflicts %d (kept for the station at /sync/conflicts)"
                        .formatted(a.applied(), b.conflicts()));
    }

    @Override
    public Outcome everyPushTwice(List<SeedData.Visit> local) throws Exception {
        List<UUID> ids = local.stream().map(this::logOffline).toList();
        transport.twice = true;
        long start = System.nanoTime();
        SyncReport report;
        try {
            report = device.sync();
        } finally {
            transport.twice = false;
        }
        double millis = (System.nanoTime() - start) / 1e6;
        String token = token(data.username(), data.password());
        int duplicated = 0;
        int lost = 0;
        for (int i = 0; i < local.size(); i++) {
            String body = get("/api/v1/services?client=" + local.get(i).clientId() + "&size=200", token);
            int copies = body.split(ids.get(i).toString(), -1).length - 1;
            duplicated += Math.max(0, copies - 1);
            lost += copies == 0 ? 1 : 0;
        }
        String outcome = duplicated > 0 ? "duplicated " + duplicated : lost > 0 ? "lost " + lost : "ok";
        return new Outcome(
                millis,
                outcome,
                "%d request(s) sent twice; each visit once on the server".formatted(report.requests()));
    }

    /**
     * What a casework device holds after its initial sync, as PouchDB documents: every record of
     * every type (children, households, visit dues with the station's recent visits, reference
     * records), {@code _id} = type and id (ids of different types may be equal, e.g. region codes),
     * {@code t} = type, {@code s} = scope key, then the record's fields exactly as the server sent
     * them. A device of its own syncs directly against the server (not through a link), then is
     * revoked. Its sync is the device's own ({@link SyncClient#sync} follows {@code more}, with the
     * measured device's page limit); the export fails when it holds fewer or more records than the
     * device's store (a type left out).
     */
    public List<Map<String, Object>> scopeDocuments() throws Exception {
        Path file = dir.resolve("scope-export-" + UUID.randomUUID() + ".db");
        List<Map<String, Object>> docs = new java.util.ArrayList<>();
        try (SyncClient export = open(
                file,
                new HttpSyncTransport(URI.create("http://127.0.0.1:" + serverPort), Duration.ofMinutes(1), "zh-CN"))) {
            export.register(data.username(), data.password(), "bench scope export");
            export.sync();
            for (String type : RECORD_TYPES) {
                for (var record : export.store().recordsOfType(type)) {
                    Map<String, Object> doc = new java.util.LinkedHashMap<>();
                    doc.put("_id", type + ":" + record.id());
                    doc.put("t", type);
                    doc.put("s", record.scope());
                    doc.putAll(JSON.convertValue(record.fields(), Map.class));
                    docs.add(doc);
                }
            }
            int stored = total(storedByType(file));
            if (docs.size() != stored) {
                throw new IllegalStateException("the scope export has " + docs.size() + " documents of the " + stored
                        + " records its device holds");
            }
            revoke(export.deviceId());
        }
        return docs;
    }

    @Override
    public void close() throws Exception {
        closeDevice();
        if (proxy != null) {
            proxy.close();
        }
    }

    /** Logs the visit on the device; returns the id the device gave it, which the server keeps. */
    private UUID logOffline(SeedData.Visit v) {
        return device.edits()
                .logVisit(new VisitLog(
                        UUID.fromString(v.clientId()),
                        v.type(),
                        Instant.parse(v.occurredAt()),
                        v.durationMinutes(),
                        v.notes(),
                        null));
    }

    private SyncClient open(Path file, SyncTransport link) {
        return SyncClient.open(new SyncClient.Config()
                .database(file)
                .server(URI.create("http://127.0.0.1:" + serverPort))
                .transport(link)
                .retry(RetryPolicy.DEFAULT, sleep -> {}, () -> 0.0)
                .pullLimit(2000));
    }

    /** Each run opens a new device; the old one is revoked so the user stays under the device limit. */
    private void closeDevice() throws Exception {
        if (device != null) {
            String id = device.registered() ? device.deviceId() : null;
            device.close();
            device = null;
            if (id != null) {
                revoke(id);
            }
        }
    }

    private void revoke(String deviceId) throws Exception {
        post(
                "/api/v1/devices/" + deviceId + "/revoke",
                Map.of("reason", "benchmark run over"),
                token("head-guyang", "casework-demo"),
                200);
    }

    private String token(String username, String password) throws Exception {
        String body = post("/api/v1/auth/token", Map.of("username", username, "password", password), null, 200);
        return JSON.readTree(body).get("token").asString();
    }

    private String post(String path, Object body, String token, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = direct.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private String get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return direct.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The link as the device sees it; in scenario 5 every sync request is delivered twice. */
    private static final class Twice implements SyncTransport {
        SyncTransport http;
        volatile boolean twice;

        @Override
        public Response post(String path, String json, String bearer) throws IOException {
            if (twice && path.endsWith("/sync")) {
                http.post(path, json, bearer);
            }
            return http.post(path, json, bearer);
        }

        /** The client reads sync answers as they stream in (issue 16): the link must pass that on. */
        @Override
        public StreamedResponse stream(String path, String json, String bearer) throws IOException {
            if (twice && path.endsWith("/sync")) {
                http.post(path, json, bearer);
            }
            return http.stream(path, json, bearer);
        }
    }
}
