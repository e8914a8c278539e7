package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.ClientBuilder.aPerson;
import static org.casework.it.fixtures.ClientBuilder.category;
import static org.casework.it.fixtures.HouseholdBuilder.aHousehold;
import static org.casework.it.fixtures.UserBuilder.aCountySupervisor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.HouseholdRelation;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every role sees and changes only its jurisdiction: a village for a child director, a township for
 * a station, the county for a county supervisor. Records outside read as "not found" (they do not
 * even exist for the caller), writing into a foreign village is refused, and roles without client
 * access (administrator, department liaison) are refused the registry altogether.
 */
class ScopingIT extends ApiTest {

    /**
     * One role of the three tiers.
     *
     * @param ownPlace a place the fixture client and household of this user live in
     * @param foreignPlace a place outside the jurisdiction: its fixture client and household must
     *     stay invisible, and registering there must be refused
     */
    record Tier(String user, String jurisdiction, String ownPlace, String foreignPlace) {
        @Override
        public String toString() {
            return user + " (" + jurisdiction + ")";
        }
    }

    static Stream<Tier> tiers() {
        return Stream.of(
                new Tier(DemoUsers.COUNTY_SUPERVISOR, Villages.COUNTY, Villages.SIZHAI, Villages.SHIZHUANG_QIXIAN),
                new Tier(DemoUsers.HEAD_GUYANG, Villages.GUYANG, Villages.LVTANG, Villages.SIZHAI),
                new Tier(DemoUsers.STATION_GUYANG, Villages.GUYANG, Villages.CAOZHAI, Villages.SIZHAI),
                new Tier(DemoUsers.STATION_NANZHANG, Villages.NANZHANG, Villages.SIZHAI, Villages.CAOZHAI),
                new Tier(DemoUsers.DIRECTOR_RENZHUANG, Villages.RENZHUANG, Villages.RENZHUANG, Villages.CAOZHAI),
                new Tier(DemoUsers.DIRECTOR_CAOZHAI, Villages.CAOZHAI, Villages.CAOZHAI, Villages.RENZHUANG));
    }

    /** One client and one household per place, registered by someone who may see them. */
    private final Map<String, ClientBuilder> clients = new HashMap<>();

    private final Map<String, UUID> clientIds = new HashMap<>();
    private final Map<String, UUID> householdIds = new HashMap<>();
    private final Map<String, String> householdNames = new HashMap<>();
    private final Map<String, String> ownerOf = new HashMap<>();
    private String qixianSupervisor;

    @BeforeAll
    void placeOnePersonAndOneHouseholdInEveryPlace() {
        // A neighbouring county the demo accounts do not cover, with its own supervisor.
        registry.importRegions("code,name,parentCode\n" + Villages.WULIHE + ",五里河镇," + Villages.QIXIAN + "\n"
                + Villages.SHIZHUANG_QIXIAN + ",史庄村委会," + Villages.WULIHE + "\n");
        UserBuilder qixian = aCountySupervisor().in(Villages.QIXIAN);
        registry.createUser(qixian);
        qixianSupervisor = qixian.username();
        api.tokenFor(qixianSupervisor, qixian.password());

        for (String place : List.of(
                Villages.RENZHUANG, Villages.CAOZHAI, Villages.LVTANG, Villages.SIZHAI, Villages.SHIZHUANG_QIXIAN)) {
            String owner = place.startsWith(Villages.COUNTY) ? DemoUsers.COUNTY_SUPERVISOR : qixianSupervisor;
            ownerOf.put(place, owner);
            ClientBuilder client = aLeftBehindChild().inVillage(place);
            clients.put(place, client);
            clientIds.put(place, registry.registerId(owner, client));
            var household = aHousehold().inVillage(place);
            householdNames.put(place, household.name());
            householdIds.put(place, registry.createHouseholdId(owner, household));
        }
    }

    // --- the registry list -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void listShowsOnlyClientsInsideTheJurisdiction(Tier tier) {
        List<JsonNode> items = allItems("/api/v1/clients", token(tier.user()));

        assertThat(items).isNotEmpty();
        assertThat(texts(items, "residenceRegionCode")).allMatch(code -> code.startsWith(tier.jurisdiction()));
        assertThat(texts(items, "id"))
                .contains(clientIds.get(tier.ownPlace()).toString())
                .doesNotContain(clientIds.get(tier.foreignPlace()).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void searchingByNameFindsNobodyOutsideTheJurisdiction(Tier tier) {
        String foreignName = clients.get(tier.foreignPlace()).fullName();

        Response r = api.get("/api/v1/clients?q=" + foreignName, token(tier.user()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("totalItems").asLong()).isZero();
        assertThat(r.raw().body()).doesNotContain(foreignName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void aRegionFilterCannotWidenTheScope(Tier tier) {
        Response r = api.get(
                "/api/v1/clients?region=" + tier.foreignPlace() + "&q="
                        + clients.get(tier.foreignPlace()).fullName(),
                token(tier.user()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("totalItems").asLong()).isZero();
        assertThat(r.body().get("items")).isEmpty();
    }

    @Test
    void theCountySeesEveryTownshipAndAStationOnlyItsOwn() {
        String county = token(DemoUsers.COUNTY_SUPERVISOR);
        assertThat(total("/api/v1/clients?region=" + Villages.GUYANG, county)).isPositive();
        assertThat(total("/api/v1/clients?region=" + Villages.NANZHANG, county)).isPositive();

        String guyang = token(DemoUsers.STATION_GUYANG);
        assertThat(total("/api/v1/clients?region=" + Villages.GUYANG, guyang)).isPositive();
        assertThat(total("/api/v1/clients?region=" + Villages.NANZHANG, guyang)).isZero();
    }

    // --- one client ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void readsAClientInsideTheJurisdiction(Tier tier) {
        Response r = api.get("/api/v1/clients/" + clientIds.get(tier.ownPlace()), token(tier.user()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("fullName").asString())
                .isEqualTo(clients.get(tier.ownPlace()).fullName());
        assertThat(r.header("ETag")).isEqualTo("\"0\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void aClientOutsideTheJurisdictionReadsAsNotFound(Tier tier) {
        Response r = api.get("/api/v1/clients/" + clientIds.get(tier.foreignPlace()), token(tier.user()));

        assertNotFoundWithoutName(r, tier);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void historyOfAClientOutsideTheJurisdictionReadsAsNotFound(Tier tier) {
        Response r = api.get("/api/v1/clients/" + clientIds.get(tier.foreignPlace()) + "/history", token(tier.user()));

        assertNotFoundWithoutName(r, tier);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void aClientOutsideTheJurisdictionCannotBeChanged(Tier tier) {
        UUID foreign = clientIds.get(tier.foreignPlace());
        String token = token(tier.user());
        var correction = aPerson().named("冒名顶替").inVillage(tier.ownPlace()).build();

        assertNotFoundWithoutName(api.put("/api/v1/clients/" + foreign, correction, token, "\"0\""), tier);
        assertNotFoundWithoutName(
                api.post(
                        "/api/v1/clients/" + foreign + "/categories?version=0",
                        category(CategoryType.CHILD_IN_DIFFICULTY, CategorySubType.ORPHAN),
                        token),
                tier);
        assertNotFoundWithoutName(
                api.post("/api/v1/clients/" + foreign + "/reveal", Map.of("reason", "核实身份"), token), tier);

        // the owner still sees it untouched: same name, version 0, one category
        Response owner = api.get("/api/v1/clients/" + foreign, token(ownerOf.get(tier.foreignPlace())));
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.body().get("version").asLong()).isZero();
        assertThat(owner.body().get("fullName").asString())
                .isEqualTo(clients.get(tier.foreignPlace()).fullName());
        assertThat(owner.body().get("categories")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void registeringIntoAVillageOutsideTheJurisdictionIsRefused(Tier tier) {
        ClientBuilder intruder = aLeftBehindChild().inVillage(tier.foreignPlace());

        Response r = api.post("/api/v1/clients", intruder.build(), token(tier.user()));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("code").asString()).isEqualTo("error.outsideJurisdiction");
        Response search = api.get("/api/v1/clients?q=" + intruder.fullName(), token(ownerOf.get(tier.foreignPlace())));
        assertThat(search.body().get("totalItems").asLong()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void movingAClientOutOfTheJurisdictionIsRefused(Tier tier) {
        ClientBuilder mine = aPerson().inVillage(tier.ownPlace());
        UUID id = registry.registerId(tier.user(), mine);

        Response r = api.put(
                "/api/v1/clients/" + id, mine.inVillage(tier.foreignPlace()).build(), token(tier.user()), "\"0\"");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("code").asString()).isEqualTo("error.outsideJurisdiction");
        assertThat(api.get("/api/v1/clients/" + id, token(tier.user()))
                        .body()
                        .get("residenceRegionCode")
                        .asString())
                .isEqualTo(tier.ownPlace());
    }

    // --- households -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void householdListShowsOnlyHouseholdsInsideTheJurisdiction(Tier tier) {
        List<JsonNode> items = allItems("/api/v1/households", token(tier.user()));

        assertThat(items).isNotEmpty();
        assertThat(texts(items, "regionCode")).allMatch(code -> code.startsWith(tier.jurisdiction()));
        assertThat(texts(items, "id"))
                .contains(householdIds.get(tier.ownPlace()).toString())
                .doesNotContain(householdIds.get(tier.foreignPlace()).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void aHouseholdInsideTheJurisdictionCanBeRead(Tier tier) {
        Response r = api.get("/api/v1/households/" + householdIds.get(tier.ownPlace()), token(tier.user()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("name").asString()).isEqualTo(householdNames.get(tier.ownPlace()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void aHouseholdOutsideTheJurisdictionReadsAsNotFound(Tier tier) {
        Response r = api.get("/api/v1/households/" + householdIds.get(tier.foreignPlace()), token(tier.user()));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().get("code").asString()).isEqualTo("error.notFound");
        assertThat(r.raw().body()).doesNotContain(householdNames.get(tier.foreignPlace()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void aHouseholdOutsideTheJurisdictionCannotBeChanged(Tier tier) {
        UUID foreign = householdIds.get(tier.foreignPlace());

        Response r = api.put(
                "/api/v1/households/" + foreign,
                aHousehold().inVillage(tier.ownPlace()).build(),
                token(tier.user()),
                "\"0\"");

        assertThat(r.status()).isEqualTo(404);
        Response owner = api.get("/api/v1/households/" + foreign, token(ownerOf.get(tier.foreignPlace())));
        assertThat(owner.body().get("name").asString()).isEqualTo(householdNames.get(tier.foreignPlace()));
        assertThat(owner.body().get("version").asLong()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tiers")
    void creatingAHouseholdOutsideTheJurisdictionIsRefused(Tier tier) {
        var household = aHousehold().inVillage(tier.foreignPlace());

        Response r = api.post("/api/v1/households", household.build(), token(tier.user()));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("code").asString()).isEqualTo("error.outsideJurisdiction");
        Response search =
                api.get("/api/v1/households?name=" + household.name(), token(ownerOf.get(tier.foreignPlace())));
        assertThat(search.body().get("totalItems").asLong()).isZero();
    }

    @Test
    void householdMembersLivingOutsideTheJurisdictionAreNotListed() {
        UUID household = registry.createHouseholdId(
                DemoUsers.COUNTY_SUPERVISOR, aHousehold().inVillage(Villages.RENZHUANG));
        ClientBuilder head = aPerson().inVillage(Villages.RENZHUANG).inHousehold(household, HouseholdRelation.HEAD);
        ClientBuilder daughterAway = aPerson()
                .aged(20)
                .female()
                .inVillage(Villages.CAOZHAI)
                .inHousehold(household, HouseholdRelation.DAUGHTER);
        registry.register(DemoUsers.COUNTY_SUPERVISOR, head);
        registry.register(DemoUsers.COUNTY_SUPERVISOR, daughterAway);

        Response county = api.get("/api/v1/households/" + household, token(DemoUsers.COUNTY_SUPERVISOR));
        Response director = api.get("/api/v1/households/" + household, token(DemoUsers.DIRECTOR_RENZHUANG));
        Response otherDirector = api.get("/api/v1/households/" + household, token(DemoUsers.DIRECTOR_CAOZHAI));

        assertThat(texts(list(county.body().get("members")), "fullName"))
                .containsExactlyInAnyOrder(head.fullName(), daughterAway.fullName());
        assertThat(texts(list(director.body().get("members")), "fullName")).containsExactly(head.fullName());
        assertThat(director.raw().body()).doesNotContain(daughterAway.fullName());
        assertThat(otherDirector.status()).isEqualTo(404);
    }

    // --- roles without registry access, and no login at all ----------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DemoUsers.ADMIN, DemoUsers.LIAISON})
    void rolesWithoutClientAccessAreRefusedTheRegistry(String user) {
        String token = token(user);
        UUID client = clientIds.get(Villages.RENZHUANG);
        UUID household = householdIds.get(Villages.RENZHUANG);

        List<Response> answers = List.of(
                api.get("/api/v1/clients", token),
                api.get("/api/v1/clients/" + client, token),
                api.get("/api/v1/clients/" + client + "/history", token),
                api.post("/api/v1/clients", aLeftBehindChild().build(), token),
                api.put("/api/v1/clients/" + client, aPerson().build(), token, "\"0\""),
                api.post("/api/v1/clients/" + client + "/reveal", Map.of("reason", "核实身份"), token),
                api.get("/api/v1/households", token),
                api.get("/api/v1/households/" + household, token),
                api.post("/api/v1/households", aHousehold().build(), token));

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw().uri().toString()).isEqualTo(403);
            assertThat(r.body().get("code").asString()).isEqualTo("error.forbidden");
            assertThat(r.raw().body())
                    .doesNotContain(clients.get(Villages.RENZHUANG).fullName());
        });
    }

    @Test
    void withoutATokenEverythingIsUnauthenticated() {
        UUID client = clientIds.get(Villages.RENZHUANG);
        List<Response> answers = List.of(
                api.get("/api/v1/clients", null),
                api.get("/api/v1/clients/" + client, null),
                api.post("/api/v1/clients", aLeftBehindChild().build(), null),
                api.get("/api/v1/households", null),
                api.get("/api/v1/households/" + householdIds.get(Villages.RENZHUANG), null),
                api.get("/api/v1/clients", "not-a-real-token"));

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw().uri().toString()).isEqualTo(401);
            assertThat(r.body().get("code").asString()).isEqualTo("error.unauthenticated");
        });
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        Response login = api.login(DemoUsers.STATION_GUYANG, Api.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        String token = login.body().get("token").asString();
        assertThat(api.get("/api/v1/clients", token).status()).isEqualTo(200);

        Response revoke = api.delete("/api/v1/auth/token", token);

        assertThat(revoke.status()).isEqualTo(204);
        Response after = api.get("/api/v1/clients", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body().get("code").asString()).isEqualTo("error.unauthenticated");
        // other sessions of the same user are not affected
        assertThat(api.get("/api/v1/clients", token(DemoUsers.STATION_GUYANG)).status())
                .isEqualTo(200);
    }

    private long total(String path, String token) {
        Response r = api.get(path, token);
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("totalItems").asLong();
    }

    private void assertNotFoundWithoutName(Response r, Tier tier) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(404);
        assertThat(r.body().get("code").asString()).isEqualTo("error.notFound");
        assertThat(r.raw().body())
                .doesNotContain(clients.get(tier.foreignPlace()).fullName());
    }
}
