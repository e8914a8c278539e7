package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.HouseholdBuilder.aHousehold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ClientInput.ChildProfileInput;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.ParentStatus;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The golden vectors (docs/sync-vectors) replayed against the real server over HTTP and the
 * database: each vector's setup (a village of its own with the children, household and user the
 * vector assumes), its requests, and the server-side events between them; the answers must match
 * the recorded ones modulo ids and times ({@link VectorAnswers}). Vector 07 needs a lower batch
 * limit: {@link SyncVectorsBatchLimitServerIT}.
 */
class SyncVectorsServerIT extends ApiTest {

    /** The vector's ids of its fixture records (docs/sync-vectors). */
    static final String C1 = "7d1f6a2e-0000-4000-8000-0000000000c1";

    static final String C2 = "7d1f6a2e-0000-4000-8000-0000000000c2";
    static final String C3 = "7d1f6a2e-0000-4000-8000-0000000000c3";
    static final String A1 = "7d1f6a2e-0000-4000-8000-0000000000a1";
    static final String HOME_VILLAGE = "410225101201";
    static final String MOVED_VILLAGE = "410225101203";

    /** Villages taken by a replay in this JVM (both replay classes). */
    private static final Set<String> TAKEN = new HashSet<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    SyncHttp http;

    /** A township no other test uses, and a station worker of it who registers the fixture children. */
    String township;

    /** Logged in once by {@link #client()}: the registry fixtures then use the cached token. */
    String station;

    String stationToken;

    @BeforeAll
    void client() {
        http = new SyncHttp(port);
        township = jdbc.queryForList(
                        "SELECT parent_code FROM region WHERE level = 'VILLAGE' AND parent_code LIKE ?"
                                + " AND parent_code NOT IN (?, ?) GROUP BY parent_code ORDER BY COUNT(*) DESC, parent_code",
                        String.class,
                        Villages.COUNTY + "%",
                        Villages.GUYANG,
                        Villages.NANZHANG)
                .get(0);
        UserBuilder worker = UserBuilder.aStationWorker().in(township);
        registry.createUser(worker);
        station = worker.username();
        stationToken = api.tokenFor(station, worker.password());
    }

    /** Every vector but 07, which needs a lower batch limit. */
    Stream<Path> vectors() throws IOException {
        return allVectors().filter(p -> !p.getFileName().toString().startsWith("07-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theServerAnswersAsTheVectorRecords(Path vector) throws IOException {
        replay(vector);
    }

    void replay(Path file) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> vector = SyncHttp.JSON.readValue(Files.readString(file), Map.class);
        String name = file.getFileName().toString().substring(0, 2);
        Fixture fixture = new Fixture();
        VectorReplay replay = new VectorReplay(http, fixture.ids, fixture.device.accessToken, scenario(name, fixture));
        replay.replay(vector);
    }

    /** What happens on the server between the device's requests, per vector. */
    private VectorReplay.Scenario scenario(String vector, Fixture fixture) {
        return switch (vector) {
            case "03" ->
                new VectorReplay.Scenario() {
                    @Override
                    public void beforeExchange(int index) {
                        if (index == 2) {
                            // the station corrects the school while the device is offline
                            fixture.edit(
                                    fixture.c1, fixture.c1Data.withChildProfile(c1Profile("13900001111", "堌阳镇第二小学")));
                        }
                    }

                    @Override
                    public Map<String, Object> onTheWay(int index, Map<String, Object> request) {
                        if (index == 2) {
                            // the second mutation is lost on the way: a gap
                            List<Object> kept = VectorAnswers.list(request.get("mutations")).stream()
                                    .filter(m -> ((Number) VectorAnswers.map(m).get("counter")).intValue() != 2)
                                    .toList();
                            request.put("mutations", kept);
                        }
                        return request;
                    }
                };
            case "04" ->
                new VectorReplay.Scenario() {
                    @Override
                    public void beforeExchange(int index) {
                        if (index == 2) {
                            // the station changes the guardian's phone (the device's edit clashes) ...
                            fixture.edit(fixture.c1, fixture.c1Data.withChildProfile(c1Profile("13900009999", "任庄小学")));
                            // ... and the second child moves to another village
                            fixture.edit(fixture.c2, fixture.c2Data.inVillage(fixture.village(0)));
                        }
                    }
                };
            case "05" ->
                new VectorReplay.Scenario() {
                    @Override
                    public void beforeExchange(int index) {
                        if (index == 2) {
                            // the user now works in another village
                            jdbc.update(
                                    "UPDATE user_account SET jurisdiction_code = ? WHERE username = ?",
                                    fixture.moved,
                                    fixture.user.username());
                        }
                    }
                };
            case "06" ->
                new VectorReplay.Scenario() {
                    @Override
                    public void beforeExchange(int index) {
                        if (index == 2) {
                            assertThat(api.post(
                                                    "/api/v1/devices/" + fixture.device.id + "/revoke",
                                                    Map.of("reason", "手机丢失"),
                                                    token(DemoUsers.ADMIN))
                                            .status())
                                    .isEqualTo(200);
                        }
                    }
                };
            default -> new VectorReplay.Scenario() {};
        };
    }

    /**
     * What every vector assumes: a village child director's registered device, a village with two
     * children (the first in a household), and (vector 05) the village the user moves to with one
     * child. Each replay gets villages no other data uses.
     */
    final class Fixture {
        final VectorIds ids = new VectorIds();
        final String home = freshVillage();
        final String moved = freshVillage();
        final UserBuilder user = UserBuilder.aVillageChildDirector().in(home).displayed("任庄村儿童主任 李娜");
        final ClientBuilder c1Data;
        final ClientBuilder c2Data;
        final UUID c1;
        final UUID c2;
        final TestDevice device;

        Fixture() {
            UUID a1 = registry.createHouseholdId(station, aHousehold().inVillage(home));
            c1Data = aLeftBehindChild()
                    .named("王小明")
                    .inVillage(home)
                    .inHousehold(a1, HouseholdRelation.GRANDCHILD)
                    .withChildProfile(c1Profile("13900001111", "任庄小学"));
            c1 = registry.registerId(station, c1Data);
            c2Data = aLeftBehindChild()
                    .named("李思雨")
                    .female()
                    .withoutCategories()
                    .withCategory(ClientBuilder.category(
                            CategoryType.CHILD_IN_DIFFICULTY, CategorySubType.LOW_INCOME_FAMILY_CHILD))
                    .inVillage(home)
                    .withChildProfile(profile(
                            ParentStatus.SERIOUSLY_DISABLED,
                            ParentStatus.DECEASED,
                            "李建国",
                            "FATHER",
                            "13700002222",
                            "堌阳镇初级中学"));
            c2 = registry.registerId(station, c2Data);
            UUID c3 = registry.registerId(
                    station,
                    aLeftBehindChild()
                            .named("刘一鸣")
                            .inVillage(moved)
                            .withChildProfile(profile(
                                    ParentStatus.WORKING_AWAY,
                                    ParentStatus.WORKING_AWAY,
                                    "刘奶奶",
                                    "GRANDMOTHER",
                                    "13500004444",
                                    null)));
            ids.bind(HOME_VILLAGE, home);
            ids.bind(MOVED_VILLAGE, moved);
            ids.bind(A1, a1.toString());
            ids.bind(C1, c1.toString());
            ids.bind(C2, c2.toString());
            ids.bind(C3, c3.toString());
            registry.createUser(user);
            device = new TestDevice(http, user.username()).register(user.password());
        }

        String village(int index) {
            return index == 0 ? moved : home;
        }

        void edit(UUID client, ClientBuilder data) {
            var current = api.get("/api/v1/clients/" + client, stationToken);
            var r = api.put("/api/v1/clients/" + client, data.build(), stationToken, current.header("ETag"));
            assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        }
    }

    /** The first child's profile as the vectors have it, with the given guardian phone and school. */
    static ChildProfileInput c1Profile(String guardianPhone, String school) {
        return profile(
                ParentStatus.WORKING_AWAY, ParentStatus.WORKING_AWAY, "王桂兰", "GRANDMOTHER", guardianPhone, school);
    }

    static ChildProfileInput profile(
            ParentStatus father, ParentStatus mother, String guardian, String relation, String phone, String school) {
        return new ChildProfileInput(
                father, null, mother, null, guardian, relation, phone, null, null, null, school, null);
    }

    /** A village of the replay's township without clients, not taken by another replay. */
    private String freshVillage() {
        List<String> free = jdbc.queryForList(
                "SELECT code FROM region WHERE parent_code = ? AND level = 'VILLAGE'"
                        + " AND code NOT IN (SELECT residence_region_code FROM client) ORDER BY code DESC",
                String.class,
                township);
        synchronized (TAKEN) {
            for (String code : free) {
                if (TAKEN.add(code)) {
                    return code;
                }
            }
        }
        throw new IllegalStateException("no village of " + township + " left without clients");
    }

    static Stream<Path> allVectors() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/sync-protocol.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root").isNotNull();
        try (Stream<Path> files = Files.list(dir.resolve("docs/sync-vectors"))) {
            List<Path> list =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(list).as("golden vectors").hasSizeGreaterThanOrEqualTo(7);
            return list.stream();
        }
    }
}
