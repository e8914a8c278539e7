package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.ClientBuilder.anElderlyPersonLivingAlone;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ClientInput.NewCategory;
import org.casework.core.clients.LeftBehindAgeOut;
import org.casework.core.clients.ParentStatus;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The registry's category rules (product.md definitions) and the review of 留守儿童 at 16, over HTTP. */
class RegistryRulesIT extends ApiTest {

    @Autowired
    private LeftBehindAgeOut ageOut;

    private JsonNode client(UUID id) {
        return ok(api.get("/api/v1/clients/" + id, token(STATION_GUYANG)));
    }

    private static JsonNode leftBehind(JsonNode client) {
        for (JsonNode c : client.get("categories")) {
            if (c.get("type").asString().equals("LEFT_BEHIND_CHILD")) {
                return c;
            }
        }
        throw new AssertionError("no 留守儿童 category: " + client);
    }

    private List<JsonNode> reviews(UUID clientId) {
        return list(ok(api.get("/api/v1/clients/" + clientId + "/reviews", token(STATION_GUYANG))));
    }

    private List<JsonNode> reviewItems(UUID clientId) {
        return allItems("/api/v1/worklist", token(STATION_GUYANG)).stream()
                .filter(i -> i.get("kind").asString().equals("REGISTRY_REVIEW"))
                .filter(i -> i.get("clientId").asString().equals(clientId.toString()))
                .toList();
    }

    @Test
    void aLeftBehindChildTurning16IsEndedOnceAndSentToTheStationForReview() {
        LocalDate today = TestData.today();
        UUID child = registry.registerId(
                STATION_GUYANG, aLeftBehindChild().bornOn(today.minusYears(16)).inVillage(Villages.RENZHUANG));

        JsonNode before = leftBehind(client(child));
        assertThat(before.get("validTo").isNull()).isTrue();
        assertThat(before.get("active").asBoolean())
                .as("never shown active at 16, even before the job")
                .isFalse();
        assertThat(texts(
                        allItems(
                                "/api/v1/clients?category=LEFT_BEHIND_CHILD&q="
                                        + client(child).get("fullName").asString(),
                                token(STATION_GUYANG)),
                        "id"))
                .doesNotContain(child.toString());

        assertThat(ageOut.run(today)).isGreaterThanOrEqualTo(1);
        ageOut.run(today);

        JsonNode ended = leftBehind(client(child));
        assertThat(LocalDate.parse(ended.get("validTo").asString())).isEqualTo(today.minusDays(1));
        assertThat(ended.get("endReason").asString()).isEqualTo("满16周岁");
        List<JsonNode> reviews = reviews(child);
        assertThat(reviews).as("two runs, one review").hasSize(1);
        assertThat(reviews.get(0).get("kind").asString()).isEqualTo("LEFT_BEHIND_AGED_OUT");
        assertThat(reviewItems(child)).hasSize(1);
        List<JsonNode> told = allItems("/api/v1/notifications", token(STATION_GUYANG)).stream()
                .filter(n -> n.get("kind").asString().equals("REGISTRY_REVIEW"))
                .filter(n -> n.get("subjectId").asString().equals(child.toString()))
                .toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("text").asString()).contains("16周岁");

        JsonNode review = reviews.get(0);
        Response noNote = api.post(
                "/api/v1/clients/" + child + "/reviews/" + review.get("id").asString() + "/resolution",
                Map.of("resolution", " "),
                token(STATION_GUYANG),
                "\"" + review.get("version").asLong() + "\"");
        assertThat(noNote.status()).isEqualTo(400);
        JsonNode resolved = ok(api.post(
                "/api/v1/clients/" + child + "/reviews/" + review.get("id").asString() + "/resolution",
                Map.of("resolution", "已满16周岁，在县城读高中，由祖母照看，无需继续帮扶"),
                token(STATION_GUYANG),
                "\"" + review.get("version").asLong() + "\""));
        assertThat(resolved.get("open").asBoolean()).isFalse();
        assertThat(reviewItems(child)).isEmpty();
        assertThat(api.get("/api/v1/clients/" + child + "/reviews", token(DIRECTOR_RENZHUANG))
                        .status())
                .as("reviews are the station's")
                .isEqualTo(403);
    }

    @Test
    void aChildWithBothParentsAtHomeIsNotALeftBehindChild() {
        Response r = api.post(
                "/api/v1/clients",
                aLeftBehindChild()
                        .withParents(ParentStatus.AT_HOME, ParentStatus.AT_HOME)
                        .inVillage(Villages.RENZHUANG)
                        .build(),
                token(DIRECTOR_RENZHUANG));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.body().get("detail").asString()).contains("留守儿童的定义");

        UUID oneAwayOtherImprisoned = registry.registerId(
                STATION_GUYANG,
                aLeftBehindChild()
                        .withParents(ParentStatus.WORKING_AWAY, ParentStatus.IMPRISONED)
                        .inVillage(Villages.RENZHUANG));
        assertThat(leftBehind(client(oneAwayOtherImprisoned)).get("active").asBoolean())
                .isTrue();
    }

    @Test
    void aCategoryCannotStartBeforeTheBirthDate() {
        ClientBuilder baby = aLeftBehindChild()
                .withoutCategories()
                .bornOn(TestData.today().minusMonths(3))
                .withCategory(new NewCategory(
                        CategoryType.LEFT_BEHIND_CHILD,
                        null,
                        TestData.today().minusMonths(6),
                        null,
                        CategorySource.OUTREACH,
                        "任秀兰"));
        Response r = api.post("/api/v1/clients", baby.build(), token(STATION_GUYANG));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("client.category.beforeBirth");
    }

    @Test
    void advancedAgeStartsAt80() {
        ClientBuilder seventy = anElderlyPersonLivingAlone()
                .aged(70)
                .withCategory(ClientBuilder.category(CategoryType.ELDERLY, CategorySubType.ADVANCED_AGE));
        Response r = api.post("/api/v1/clients", seventy.build(), token(STATION_GUYANG));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.body().get("detail").asString()).contains("80");
        registry.register(
                STATION_GUYANG,
                anElderlyPersonLivingAlone()
                        .aged(84)
                        .withCategory(ClientBuilder.category(CategoryType.ELDERLY, CategorySubType.ADVANCED_AGE)));
    }
}
