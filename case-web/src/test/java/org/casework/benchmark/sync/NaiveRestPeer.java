package org.casework.benchmark.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.sync.proxy.LinkProfile;
import org.casework.sync.proxy.SyncProxy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline a village app could build on our existing {@code /api/v1} today: log in, list the
 * village's clients, GET each client and each client's service records, POST each new visit. There
 * is no change feed, so every sync walks the whole village again; plain GETs, no conditional
 * requests, no compression (the server has none configured). HTTP/1.1 with keep-alive.
 */
public final class NaiveRestPeer implements SyncPeer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int serverPort;
    private final SeedData data;
    private final Runnable resetServer;
    private final HttpClient direct =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String directToken;
    private SyncProxy proxy;
    private HttpClient device;
    private String token;
    /** The device's store: client JSON by id, and the number of service records per client. */
    private final Map<String, JsonNode> clients = new HashMap<>();

    private final Map<String, Integer> visitCounts = new HashMap<>();

    /**
     * @param resetServer removes what earlier runs added (their visits, the two-device edit), so every
     *     link profile starts from the same server state
     */
    public NaiveRestPeer(int serverPort, SeedData data, Runnable resetServer) {
        this(serverPort, data, resetServer, -1);
    }

    private NaiveRestPeer(int serverPort, SeedData data, Runnable resetServer, int scopeRecords) {
        this.serverPort = serverPort;
        this.data = data;
        this.resetServer = resetServer;
        this.scopeRecords = scopeRecords;
    }

    /**
     * Like-for-like with the casework device (issue 16): the records its scope holds, as {@code
     * /api/v1} can give them — the village's clients (list pages, then each client), each child's
     * visit schedule (its due visit) and the village's households (list pages). {@code /api/v1} has
     * no read of a due visit's recent visits short of the visits themselves: those are left out, so
     * this walk is a lower bound of the naive peer's work for the same records.
     *
     * @param scopeRecords the records the casework device holds, for bytes per record
     */
    public static NaiveRestPeer scoped(int serverPort, SeedData data, Runnable resetServer, int scopeRecords) {
        return new NaiveRestPeer(serverPort, data, resetServer, scopeRecords);
    }

    /** The casework device's record count when walking its scope; -1 for the whole-village walk. */
    private final int scopeRecords;

    private final Map<String, JsonNode> schedules = new HashMap<>();
    private int households;

    @Override
    public String name() {
        return scopeRecords < 0 ? "naive REST /api/v1" : "naive REST (casework scope)";
    }

    @Override
    public int recordsHeld() {
        return scopeRecords;
    }

    @Override
    public SyncProxy open(LinkProfile link) throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        resetServer.run();
        directToken = login(direct, "http://127.0.0.1:" + serverPort);
        proxy = SyncProxy.start("127.0.0.1", serverPort, link);
        device = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        token = null;
        clients.clear();
        visitCounts.clear();
        schedules.clear();
        return proxy;
    }

    @Override
    public long serverCpuNanos() {
        return ServerThreads.cpuNanos();
    }

    @Override
    public Outcome initialSync() throws Exception {
        long start = System.nanoTime();
        token = login(device, proxy.url());
        if (scopeRecords >= 0) {
            walkScope();
            double millis = (System.nanoTime() - start) / 1e6;
            return new Outcome(
                    millis,
                    clients.size() == data.children().size() && schedules.size() == clients.size() ? "ok" : "lost",
                    "%d clients, %d visit schedules, %d households on the device"
                            .formatted(clients.size(), schedules.size(), households));
        }
        walk();
        double millis = (System.nanoTime() - start) / 1e6;
        int visits = totalVisits();
        boolean complete = clients.size() == data.children().size()
                && visits == data.visits().size();
        return new Outcome(
                millis,
                complete ? "ok" : "lost",
                "%d clients, %d visits on the device".formatted(clients.size(), visits));
    }

    @Override
    public void remoteChanges(List<SeedData.Visit> visits) throws Exception {
        for (SeedData.Visit visit : visits) {
            expect(
                    201,
                    send(
                            direct,
                            "http://127.0.0.1:" + serverPort,
                            "POST",
                            "/api/v1/services",
                            newVisit(visit),
                            directToken,
                            null));
        }
    }

    @Override
    public Outcome steadySync(List<SeedData.Visit> local, List<SeedData.Visit> expectedRemote) throws Exception {
        int before = totalVisits();
        long start = System.nanoTime();
        int created = 0;
        for (SeedData.Visit visit : local) {
            created += post("/api/v1/services", newVisit(visit)).statusCode() == 201 ? 1 : 0;
        }
        walk();
        double millis = (System.nanoTime() - start) / 1e6;
        // the server assigns the ids, so arrival is checked by count
        int lost = before + local.size() + expectedRemote.size() - totalVisits();
        return new Outcome(
                millis,
                lost == 0 && created == local.size() ? "ok" : "lost " + lost,
                "posted %d (%d created), then walked the village again".formatted(local.size(), created));
    }

    @Override
    public Outcome noOpSync() throws Exception {
        if (scopeRecords >= 0) {
            long start = System.nanoTime();
            walkScope();
            return new Outcome((System.nanoTime() - start) / 1e6, "ok", "walked the scope again: nothing new");
        }
        int before = totalVisits();
        long start = System.nanoTime();
        walk();
        double millis = (System.nanoTime() - start) / 1e6;
        return new Outcome(millis, totalVisits() == before ? "ok" : "changed", "walked the village again: nothing new");
    }

    /**
     * Device A edits from the version it stored at its last sync; device B reads the child, then A
     * writes, then B writes with If-Match of what it read. {@code PUT /api/v1/clients/{id}} requires
     * the version, so the second write is refused (409) rather than overwriting A's.
     */
    @Override
    public Outcome sameChildOnTwoDevices(String childId, String schoolOnA, String schoolOnB) throws Exception {
        long start = System.nanoTime();
        HttpClient deviceB =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String tokenB = login(deviceB, proxy.url());
        HttpResponse<String> readB =
                send(deviceB, proxy.url(), "GET", "/api/v1/clients/" + childId, null, tokenB, null);
        JsonNode onB = JSON.readTree(readB.body());
        JsonNode onA = clients.get(childId);
        HttpResponse<String> writeA = send(
                device,
                proxy.url(),
                "PUT",
                "/api/v1/clients/" + childId,
                correction(onA, schoolOnA),
                token,
                "\"" + onA.get("version").asLong() + "\"");
        HttpResponse<String> writeB = send(
                deviceB,
                proxy.url(),
                "PUT",
                "/api/v1/clients/" + childId,
                correction(onB, schoolOnB),
                tokenB,
                "\"" + onB.get("version").asLong() + "\"");
        double millis = (System.nanoTime() - start) / 1e6;
        String outcome = writeA.statusCode() == 200 && writeB.statusCode() == 409
                ? "conflicts surfaced"
                : writeB.statusCode() == 200 ? "lost (last write wins)" : "unexpected";
        return new Outcome(
                millis,
                outcome,
                "PUT with If-Match: A %d, B %d%s"
                        .formatted(
                                writeA.statusCode(),
                                writeB.statusCode(),
                                writeB.statusCode() == 409
                                        ? " (" + code(writeB) + "): B must re-read and redo its edit by hand"
                                        : ""));
    }

    /** The API has no idempotency key: a POST delivered twice is two visits. */
    @Override
    public Outcome everyPushTwice(List<SeedData.Visit> local) throws Exception {
        List<String> touched =
                local.stream().map(SeedData.Visit::clientId).distinct().toList();
        long before = serverVisits(touched);
        long start = System.nanoTime();
        for (SeedData.Visit visit : local) {
            post("/api/v1/services", newVisit(visit));
            post("/api/v1/services", newVisit(visit));
        }
        double millis = (System.nanoTime() - start) / 1e6;
        long added = serverVisits(touched) - before;
        long duplicated = added - local.size();
        return new Outcome(
                millis,
                duplicated > 0 ? "duplicated " + duplicated : "ok",
                "%d visits posted twice: %d records created".formatted(local.size(), added));
    }

    @Override
    public void close() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    private void walk() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode list = get("/api/v1/clients?region=" + data.villageCode() + "&size=200&page=" + page);
            list.get("items").forEach(item -> ids.add(item.get("id").asString()));
            if (page + 1 >= list.get("totalPages").asInt()) {
                break;
            }
        }
        for (String id : ids) {
            clients.put(id, get("/api/v1/clients/" + id));
            visitCounts.put(
                    id,
                    get("/api/v1/services?client=" + id + "&size=200")
                            .get("items")
                            .size());
        }
    }

    /** The casework scope's records through /api/v1: clients, their visit schedules, households. */
    private void walkScope() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode list = get("/api/v1/clients?region=" + data.villageCode() + "&size=200&page=" + page);
            list.get("items").forEach(item -> ids.add(item.get("id").asString()));
            if (page + 1 >= list.get("totalPages").asInt()) {
                break;
            }
        }
        for (String id : ids) {
            clients.put(id, get("/api/v1/clients/" + id));
            schedules.put(id, get("/api/v1/clients/" + id + "/visit-schedule"));
        }
        households = 0;
        for (int page = 0; ; page++) {
            JsonNode list = get("/api/v1/households?region=" + data.villageCode() + "&size=200&page=" + page);
            households += list.get("items").size();
            if (page + 1 >= list.get("totalPages").asInt()) {
                break;
            }
        }
    }

    private int totalVisits() {
        return visitCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private long serverVisits(List<String> clientIds) throws Exception {
        long total = 0;
        for (String id : clientIds) {
            HttpResponse<String> r = send(
                    direct,
                    "http://127.0.0.1:" + serverPort,
                    "GET",
                    "/api/v1/services?client=" + id + "&size=1",
                    null,
                    directToken,
                    null);
            total += JSON.readTree(expect(200, r).body()).get("totalItems").asLong();
        }
        return total;
    }

    private static Map<String, Object> newVisit(SeedData.Visit visit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", visit.clientId());
        body.put("type", visit.type());
        body.put("occurredAt", visit.occurredAt());
        body.put("durationMinutes", visit.durationMinutes());
        body.put("place", visit.place());
        body.put("participants", visit.participants());
        body.put("notes", visit.notes());
        return body;
    }

    /** A full ClientInput from what the device holds, with a new school: PUT replaces the record. */
    private static ObjectNode correction(JsonNode client, String school) {
        ObjectNode input = JSON.createObjectNode();
        for (String field : List.of(
                "fullName",
                "sex",
                "birthDate",
                "ethnicity",
                "noIdReason",
                "hukouRegionCode",
                "residenceRegionCode",
                "address",
                "householdId",
                "relationToHead")) {
            input.set(field, client.get(field));
        }
        ObjectNode child = ((ObjectNode) client.get("child").deepCopy());
        // the response masks phones; the seeded children have none, so nothing is erased
        child.remove("guardianPhoneMasked");
        child.remove("carerPhoneMasked");
        child.put("school", school);
        input.set("child", child);
        return input;
    }

    private String login(HttpClient client, String base) throws Exception {
        HttpResponse<String> r = send(
                client,
                base,
                "POST",
                "/api/v1/auth/token",
                Map.of("username", data.username(), "password", data.password()),
                null,
                null);
        return JSON.readTree(expect(200, r).body()).get("token").asString();
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(expect(200, send(device, proxy.url(), "GET", path, null, token, null))
                .body());
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return send(device, proxy.url(), "POST", path, body, token, null);
    }

    private static HttpResponse<String> send(
            HttpClient client, String base, String method, String path, Object body, String token, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " "
                    + response.request().uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static String code(HttpResponse<String> response) {
        JsonNode problem = JSON.readTree(response.body());
        return problem.has("code") ? problem.get("code").asString() : "no code";
    }
}
