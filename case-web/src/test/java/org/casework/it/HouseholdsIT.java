package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.ClientRegistryIT.assertProblem;
import static org.casework.it.ClientRegistryIT.enc;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.ClientBuilder.aPerson;
import static org.casework.it.fixtures.HouseholdBuilder.aHousehold;

import java.util.List;
import java.util.UUID;
import org.casework.core.clients.HouseholdRelation;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.HouseholdBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Households (户): registered in a village, members are clients with a relation to the head. */
class HouseholdsIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;

    @Test
    void createsAHouseholdInAVillage() {
        HouseholdBuilder household = aHousehold().inVillage(Villages.CAOZHAI).withNotes("父母在外务工");

        Response r = api.post("/api/v1/households", household.build(), token(WORKER));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.header("ETag")).isEqualTo("\"0\"");
        assertThat(r.body().get("name").asString()).isEqualTo(household.name());
        assertThat(r.body().get("regionCode").asString()).isEqualTo(Villages.CAOZHAI);
        assertThat(r.body().get("address").asString()).isEqualTo("村西头");
        assertThat(r.body().get("notes").asString()).isEqualTo("父母在外务工");
        assertThat(r.body().get("members")).isEmpty();

        List<JsonNode> found = allItems("/api/v1/households?name=" + enc(household.name()), token(WORKER));
        assertThat(texts(found, "id")).containsExactly(r.body().get("id").asString());
    }

    @Test
    void aHouseholdMustBeInAVillage() {
        Response township = api.post(
                "/api/v1/households", aHousehold().inVillage(Villages.GUYANG).build(), token(WORKER));
        Response unnamed =
                api.post("/api/v1/households", aHousehold().named(" ").build(), token(WORKER));

        assertProblem(township, 400, "region.level.wrong");
        assertProblem(unnamed, 400, "household.name.required");
    }

    @Test
    void showsTheClientsRegisteredAsMembers() {
        UUID household = registry.createHouseholdId(WORKER, aHousehold().inVillage(Villages.RENZHUANG));
        ClientBuilder grandmother = aPerson()
                .aged(66)
                .female()
                .inVillage(Villages.RENZHUANG)
                .inHousehold(household, HouseholdRelation.HEAD);
        ClientBuilder grandson =
                aLeftBehindChild().inVillage(Villages.RENZHUANG).inHousehold(household, HouseholdRelation.GRANDCHILD);
        UUID grandmotherId = registry.registerId(WORKER, grandmother);
        UUID grandsonId = registry.registerId(WORKER, grandson);

        Response r = api.get("/api/v1/households/" + household, token(DemoUsers.DIRECTOR_RENZHUANG));

        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> members = list(r.body().get("members"));
        assertThat(members).hasSize(2);
        assertThat(members.get(0).get("clientId").asString()).isEqualTo(grandmotherId.toString());
        assertThat(members.get(0).get("fullName").asString()).isEqualTo(grandmother.fullName());
        assertThat(members.get(0).get("relation").asString()).isEqualTo("HEAD");
        assertThat(members.get(1).get("clientId").asString()).isEqualTo(grandsonId.toString());
        assertThat(members.get(1).get("relation").asString()).isEqualTo("GRANDCHILD");
        assertThat(members.get(1).get("birthDate").asString())
                .isEqualTo(grandson.birthDate().toString());
        assertThat(r.raw().body()).doesNotContain(grandson.idNumber());

        JsonNode client =
                api.get("/api/v1/clients/" + grandsonId, token(WORKER)).body();
        assertThat(client.get("householdId").asString()).isEqualTo(household.toString());
        assertThat(client.get("relationToHead").asString()).isEqualTo("GRANDCHILD");
    }

    @Test
    void aMemberNeedsARelationAndAVisibleHousehold() {
        UUID household = registry.createHouseholdId(WORKER, aHousehold());
        UUID elsewhere = registry.createHouseholdId(
                DemoUsers.STATION_NANZHANG, aHousehold().inVillage(Villages.SIZHAI));
        ClientBuilder withoutRelation = aLeftBehindChild().inHousehold(household, null);
        ClientBuilder inForeignHousehold = aLeftBehindChild().inHousehold(elsewhere, HouseholdRelation.SON);
        ClientBuilder inUnknownHousehold = aLeftBehindChild().inHousehold(UUID.randomUUID(), HouseholdRelation.SON);

        assertProblem(
                api.post("/api/v1/clients", withoutRelation.build(), token(WORKER)), 400, "client.relation.required");
        assertProblem(
                api.post("/api/v1/clients", inForeignHousehold.build(), token(WORKER)),
                400,
                "client.household.unknown");
        assertProblem(
                api.post("/api/v1/clients", inUnknownHousehold.build(), token(WORKER)),
                400,
                "client.household.unknown");
        assertThat(api.get("/api/v1/households/" + household, token(WORKER))
                        .body()
                        .get("members"))
                .isEmpty();
        assertThat(api.get("/api/v1/households/" + elsewhere, token(DemoUsers.STATION_NANZHANG))
                        .body()
                        .get("members"))
                .isEmpty();
    }

    @Test
    void anUpdateBasedOnTheCurrentVersionIsSaved() {
        HouseholdBuilder household = aHousehold();
        UUID id = registry.createHouseholdId(WORKER, household);

        Response r = api.put(
                "/api/v1/households/" + id, household.livingAt("任庄村二组5号").build(), token(WORKER), "\"0\"");

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        assertThat(r.body().get("address").asString()).isEqualTo("任庄村二组5号");
        assertThat(api.get("/api/v1/households/" + id, token(WORKER))
                        .body()
                        .get("address")
                        .asString())
                .isEqualTo("任庄村二组5号");
    }

    @Test
    void aStaleUpdateIsRefusedAndChangesNothing() {
        HouseholdBuilder household = aHousehold();
        UUID id = registry.createHouseholdId(WORKER, household);
        String newName = household.name().replace("户", "家");
        assertThat(api.put("/api/v1/households/" + id, household.named(newName).build(), token(WORKER), "\"0\"")
                        .status())
                .isEqualTo(200);

        Response stale = api.put(
                "/api/v1/households/" + id,
                household.named("旧版本户").build(),
                token(DemoUsers.DIRECTOR_RENZHUANG),
                "\"0\"");

        assertProblem(stale, 409, "error.staleVersion");
        Response now = api.get("/api/v1/households/" + id, token(WORKER));
        assertThat(now.body().get("name").asString()).isEqualTo(newName);
        assertThat(now.body().get("version").asLong()).isEqualTo(1);
        assertThat(now.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aHouseholdOutsideTheJurisdictionIsNotFound() {
        HouseholdBuilder household = aHousehold().inVillage(Villages.SIZHAI);
        UUID id = registry.createHouseholdId(DemoUsers.STATION_NANZHANG, household);

        Response get = api.get("/api/v1/households/" + id, token(WORKER));
        Response put = api.put(
                "/api/v1/households/" + id,
                aHousehold().inVillage(Villages.RENZHUANG).build(),
                token(WORKER),
                "\"0\"");
        List<JsonNode> search = allItems("/api/v1/households?name=" + enc(household.name()), token(WORKER));

        assertProblem(get, 404, "error.notFound");
        assertThat(get.raw().body()).doesNotContain(household.name());
        assertProblem(put, 404, "error.notFound");
        assertThat(search).isEmpty();
        Response owner = api.get("/api/v1/households/" + id, token(DemoUsers.STATION_NANZHANG));
        assertThat(owner.body().get("regionCode").asString()).isEqualTo(Villages.SIZHAI);
        assertThat(owner.body().get("version").asLong()).isZero();
    }
}
