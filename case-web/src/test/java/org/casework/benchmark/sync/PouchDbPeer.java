package org.casework.benchmark.sync;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.casework.sync.proxy.LinkProfile;
import org.casework.sync.proxy.SyncProxy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pouchdb-server --in-memory} replicated by a PouchDB client (leveldb in a temp directory),
 * both driven by {@code bench/pouchdb/peer.js}: one database per village, which is how scoping is done
 * with CouchDB-style replication. The harness's proxy sits between the client and pouchdb-server.
 */
public final class PouchDbPeer implements SyncPeer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DB = "village";

    private final String name;
    private final Path benchDir;
    private final Path work;
    private final Path seedFile;
    private final Process server;
    private final int serverPort;
    private final long ticksPerSecond;
    private SyncProxy proxy;
    private Path device;
    private int generation;

    public PouchDbPeer(Path benchDir, SeedData data) throws Exception {
        this(benchDir, "PouchDB", Map.of("children", data.children(), "visits", data.visits()));
    }

    /**
     * A database holding exactly {@code docs} (each with its own {@code _id}), e.g. the casework
     * device's scope for the like-for-like runs; see {@link CaseworkPeer#scopeDocuments}.
     */
    public static PouchDbPeer holding(Path benchDir, String name, List<Map<String, Object>> docs) throws Exception {
        return new PouchDbPeer(benchDir, name, Map.of("docs", docs));
    }

    private PouchDbPeer(Path benchDir, String name, Map<String, Object> seed) throws Exception {
        this.name = name;
        this.benchDir = benchDir.toAbsolutePath();
        if (!Files.isDirectory(this.benchDir.resolve("node_modules/pouchdb-server"))) {
            // npm ci keeps to the lock file, so every run measures the same versions
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"), this.benchDir, 900);
        }
        this.work = Files.createTempDirectory("sync-bench-pouchdb");
        this.seedFile = work.resolve("seed.json");
        JSON.writeValue(seedFile.toFile(), seed);
        this.serverPort = freePort();
        // run in the temp directory: pouchdb-server writes its config.json and log.txt into the cwd
        this.server = new ProcessBuilder(
                        "node",
                        this.benchDir
                                .resolve("node_modules/pouchdb-server/bin/pouchdb-server")
                                .toString(),
                        "--in-memory",
                        "--no-stdout-logs",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(serverPort))
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("pouchdb-server.log").toFile())
                .start();
        awaitPort(serverPort);
        this.ticksPerSecond = Long.parseLong(new String(
                        new ProcessBuilder("getconf", "CLK_TCK")
                                .start()
                                .getInputStream()
                                .readAllBytes(),
                        StandardCharsets.US_ASCII)
                .strip());
    }

    @Override
    public String name() {
        return name;
    }

    public String serverVersion() throws Exception {
        Path lock = benchDir.resolve("package-lock.json");
        JsonNode packages = JSON.readTree(lock.toFile()).get("packages");
        return "pouchdb-server "
                + packages.get("node_modules/pouchdb-server").get("version").asString()
                + ", pouchdb "
                + packages.get("node_modules/pouchdb").get("version").asString() + ", node "
                + exec(List.of("node", "--version"), benchDir, 30).strip();
    }

    @Override
    public SyncProxy open(LinkProfile link) throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        run(Map.of("cmd", "seed", "server", serverUrl(), "data", seedFile.toString()));
        // leveldb creates its database directory but not the parents
        device = Files.createDirectories(work.resolve("device-" + ++generation));
        proxy = SyncProxy.start("127.0.0.1", serverPort, link);
        return proxy;
    }

    /** utime + stime of the pouchdb-server process, from /proc (fields 14 and 15 of stat). */
    @Override
    public long serverCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(server.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / ticksPerSecond;
        } catch (IOException e) {
            throw new IllegalStateException("pouchdb-server CPU time needs Linux /proc", e);
        }
    }

    @Override
    public Outcome initialSync() throws Exception {
        JsonNode r = run(Map.of("cmd", "initial", "remote", remoteUrl(), "local", deviceDir("a")));
        long expected = (long) seedCount();
        long got = r.get("localDocs").asLong();
        return new Outcome(
                r.get("millis").asDouble(),
                got == expected ? "ok" : "lost " + (expected - got),
                "%d of %d docs on the device".formatted(got, expected));
    }

    @Override
    public void remoteChanges(List<SeedData.Visit> visits) throws Exception {
        run(Map.of("cmd", "remote", "server", serverUrl(), "newRemote", visits));
    }

    @Override
    public Outcome steadySync(List<SeedData.Visit> local, List<SeedData.Visit> expectedRemote) throws Exception {
        JsonNode r = run(Map.of(
                "cmd",
                "steady",
                "remote",
                remoteUrl(),
                "server",
                serverUrl(),
                "local",
                deviceDir("a"),
                "newLocal",
                local,
                "expectRemote",
                expectedRemote.stream().map(SeedData.Visit::id).toList()));
        long lost = r.get("lostOnServer").asLong() + r.get("lostOnDevice").asLong();
        return new Outcome(
                r.get("millis").asDouble(),
                lost == 0 ? "ok" : "lost " + lost,
                "pushed %d, pulled %d"
                        .formatted(r.get("pushed").asLong(), r.get("pulled").asLong()));
    }

    @Override
    public Outcome noOpSync() throws Exception {
        JsonNode r = run(Map.of("cmd", "noop", "remote", remoteUrl(), "local", deviceDir("a")));
        return new Outcome(
                r.get("millis").asDouble(),
                "ok",
                "pushed %d, pulled %d"
                        .formatted(r.get("pushed").asLong(), r.get("pulled").asLong()));
    }

    @Override
    public Outcome sameChildOnTwoDevices(String childId, String schoolOnA, String schoolOnB) throws Exception {
        JsonNode r = run(Map.of(
                "cmd",
                "conflict",
                "remote",
                remoteUrl(),
                "server",
                serverUrl(),
                "local",
                deviceDir("a"),
                "localB",
                deviceDir("b"),
                "childId",
                childId,
                "valueA",
                schoolOnA,
                "valueB",
                schoolOnB));
        // PouchDB keeps the losing revision in the document's tree and picks a winner by revision
        // hash; neither device is told, and a plain read shows only the winner.
        boolean visible = r.get("plainGetShowsConflict").asBoolean();
        String outcome = r.get("serverConflicts").asInt() > 0 && !visible
                ? "conflicts hidden"
                : visible ? "conflicts surfaced" : "lost";
        return new Outcome(
                r.get("millis").asDouble(),
                outcome,
                "both devices now show \"%s\"; the other edit only in _conflicts (%d), push errors %d"
                        .formatted(
                                r.get("serverValue").asString(),
                                r.get("serverConflicts").asInt(),
                                r.get("errors").asInt()));
    }

    @Override
    public Outcome everyPushTwice(List<SeedData.Visit> local) throws Exception {
        JsonNode r = run(Map.of(
                "cmd",
                "duplicate",
                "remote",
                remoteUrl(),
                "server",
                serverUrl(),
                "local",
                deviceDir("a"),
                "newLocal",
                local));
        long duplicated = r.get("duplicated").asLong();
        long lost = r.get("lostOnServer").asLong();
        String outcome = duplicated > 0 ? "duplicated " + duplicated : lost > 0 ? "lost " + lost : "ok";
        return new Outcome(
                r.get("millis").asDouble(),
                outcome,
                "replayed _bulk_docs answered %d; %d docs added for %d visits, %d conflicts"
                        .formatted(
                                r.get("replayStatus").asInt(),
                                r.get("serverDocsAdded").asLong(),
                                local.size(),
                                r.get("conflictsCreated").asLong()));
    }

    @Override
    public int recordsHeld() throws Exception {
        return (int) seedCount();
    }

    @Override
    public void close() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
    }

    private double seedCount() throws IOException {
        JsonNode seed = JSON.readTree(seedFile.toFile());
        if (seed.has("docs")) {
            return seed.get("docs").size();
        }
        return seed.get("children").size() + seed.get("visits").size();
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + serverPort + "/" + DB;
    }

    private String remoteUrl() {
        return proxy.url() + "/" + DB;
    }

    private String deviceDir(String name) {
        return device.resolve(name).toString();
    }

    private JsonNode run(Map<String, Object> args) throws Exception {
        String output = exec(List.of("node", "peer.js", JSON.writeValueAsString(args)), benchDir, 3600);
        String line = output.lines()
                .filter(l -> l.startsWith("RESULT "))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("peer.js " + args.get("cmd") + ": " + output));
        return JSON.readTree(line.substring("RESULT ".length()));
    }

    private static String exec(List<String> command, Path dir, long timeoutSeconds) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        // read while it runs, so a chatty process cannot block on a full pipe
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    command.get(0) + " " + command.get(1) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("pouchdb-server did not start on port " + port);
    }
}
