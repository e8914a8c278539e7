package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.ClientBuilder.anElderlyPersonLivingAlone;
import static org.casework.it.fixtures.ClientBuilder.category;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.audit.SensitiveAccessEntry;
import org.casework.core.audit.SensitiveAccessRepository;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ChineseName;
import org.casework.core.clients.ResidentIdNumber;
import org.casework.core.clients.Sex;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The client registry over HTTP: registering with validated ID numbers, duplicates, versioned
 * corrections with history, search in Chinese and pinyin, masked numbers and logged reveals, and
 * problems in the caller's language.
 */
class ClientRegistryIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;

    @Autowired
    private SensitiveAccessRepository sensitiveAccesses;

    // --- registering ----------------------------------------------------------------------------

    @Test
    void registersALeftBehindChildWithMaskedIdNumberAndCategory() {
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        String id = child.idNumber();

        Response r = api.post("/api/v1/clients", child.build(), token(WORKER));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("ETag")).isEqualTo("\"0\"");
        JsonNode body = r.body();
        assertThat(body.get("fullName").asString()).isEqualTo(child.fullName());
        assertThat(body.get("birthDate").asString()).isEqualTo(child.birthDate().toString());
        assertThat(body.get("residenceRegionCode").asString()).isEqualTo(Villages.RENZHUANG);
        assertThat(body.get("idNumberMasked").asString()).isEqualTo("4102**********" + id.substring(14));
        assertThat(body.get("child").get("guardianPhoneMasked").asString()).isEqualTo("138****5678");
        assertThat(body.get("categories")).hasSize(1);
        assertThat(body.get("categories").get(0).get("type").asString()).isEqualTo("LEFT_BEHIND_CHILD");
        assertThat(body.get("createdBy").asString()).isEqualTo(WORKER);
        assertThat(body.get("createdByName").asString()).isEqualTo("堌阳镇社工 李娜");
        assertThat(r.raw().body()).doesNotContain(id).doesNotContain("13812345678");

        // neither the record nor the list shows the full number afterwards
        String clientId = body.get("id").asString();
        Response read = api.get("/api/v1/clients/" + clientId, token(WORKER));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.raw().body())
                .doesNotContain(id)
                .contains(body.get("idNumberMasked").asString());
        Response list = api.get("/api/v1/clients?q=" + enc(child.fullName()), token(WORKER));
        assertThat(list.raw().body()).doesNotContain(id);
        assertThat(list.body().get("items").get(0).get("idNumberMasked").asString())
                .isEqualTo("4102**********" + id.substring(14));
    }

    @Test
    void aWrongCheckDigitIsRefusedAndNothingIsSaved() {
        ClientBuilder child = aLeftBehindChild();
        String valid = child.idNumber();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        child.withIdNumber(wrong);

        Response r = api.post("/api/v1/clients", child.build(), token(WORKER));

        assertProblem(r, 400, "client.idNumber.checkDigit");
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(r.body().get("detail").asString()).isEqualTo("身份证号校验位不正确，请核对。");
        assertNobodyNamed(child.fullName());
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        ClientBuilder unborn = aLeftBehindChild()
                .withoutIdNumber("未落户")
                .bornOn(TestData.today().plusDays(10));

        Response r = api.post("/api/v1/clients", unborn.build(), token(WORKER));

        assertProblem(r, 400, "client.birthDate.future");
        assertNobodyNamed(unborn.fullName());
    }

    @Test
    void anIdNumberWithABirthDateInTheFutureIsRefused() {
        ClientBuilder unborn = aLeftBehindChild().bornOn(TestData.today().plusDays(10));

        Response r = api.post("/api/v1/clients", unborn.build(), token(WORKER));

        assertProblem(r, 400, "client.idNumber.birthDate");
        assertNobodyNamed(unborn.fullName());
    }

    @Test
    void aBirthDateContradictingTheIdNumberIsRefused() {
        ClientBuilder child = aLeftBehindChild();
        child.withIdNumber(TestData.idNumber(child.birthDate().minusDays(3), Sex.MALE));

        Response r = api.post("/api/v1/clients", child.build(), token(WORKER));

        assertProblem(r, 400, "client.idNumber.birthDateMismatch");
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("birthDate");
        assertNobodyNamed(child.fullName());
    }

    @Test
    void anUnknownVillageIsRefused() {
        ClientBuilder child = aLeftBehindChild().inVillage("410225101999");

        Response r = api.post("/api/v1/clients", child.build(), token(WORKER));

        assertProblem(r, 400, "region.code.unknown");
        assertThat(r.body().get("detail").asString()).contains("410225101999");
        assertNobodyNamed(child.fullName());
    }

    @Test
    void aLegacyFifteenDigitIdNumberIsAcceptedAndCountsAsItsEighteenDigitForm() {
        ClientBuilder elder = anElderlyPersonLivingAlone().withLegacyIdNumber();
        String legacy = elder.idNumber();
        assertThat(legacy).hasSize(15);

        Response r = api.post("/api/v1/clients", elder.build(), token(WORKER));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.body().get("idNumberMasked").asString()).isEqualTo("4102*******" + legacy.substring(11));
        assertThat(r.raw().body()).doesNotContain(legacy);

        // the same person with the number of their current card is the same person
        String eighteen = new ResidentIdNumber(legacy).toEighteen().value();
        Response again = api.post(
                "/api/v1/clients",
                anElderlyPersonLivingAlone()
                        .bornOn(elder.birthDate())
                        .withIdNumber(eighteen)
                        .build(),
                token(WORKER));
        assertProblem(again, 409, "client.idNumber.taken");
    }

    @Test
    void withoutAnIdNumberAReasonIsNeeded() {
        ClientBuilder child = aLeftBehindChild().withoutIdNumber(null);

        Response refused = api.post("/api/v1/clients", child.build(), token(WORKER));

        assertProblem(refused, 400, "client.noIdReason.required");
        assertNobodyNamed(child.fullName());

        Response accepted =
                api.post("/api/v1/clients", child.withoutIdNumber("未落户").build(), token(WORKER));

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(201);
        assertThat(accepted.body().get("idNumberMasked").isNull()).isTrue();
        assertThat(accepted.body().get("noIdReason").asString()).isEqualTo("未落户");
    }

    @Test
    void anIdNumberRegisteredTwiceIsRefusedNamingTheExistingPerson() {
        ClientBuilder first = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        UUID existing = registry.registerId(WORKER, first);
        ClientBuilder second = aLeftBehindChild().inVillage(Villages.CAOZHAI).withIdNumber(first.idNumber());

        Response r = api.post("/api/v1/clients", second.build(), token(WORKER));

        assertProblem(r, 409, "client.idNumber.taken");
        assertThat(r.body().get("detail").asString()).isEqualTo("该身份证号已登记：" + first.fullName() + "。请打开已有记录，不要重复登记。");
        assertNobodyNamed(second.fullName());
        assertThat(api.get("/api/v1/clients/" + existing, token(WORKER)).status())
                .isEqualTo(200);
    }

    @Test
    void anIdNumberRegisteredOutsideTheCallersJurisdictionIsRefusedWithoutTheName() {
        ClientBuilder first = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        registry.register(WORKER, first);
        ClientBuilder second = aLeftBehindChild().inVillage(Villages.SIZHAI).withIdNumber(first.idNumber());

        Response r = api.post("/api/v1/clients", second.build(), token(DemoUsers.STATION_NANZHANG));

        assertProblem(r, 409, "client.idNumber.takenElsewhere");
        assertThat(r.raw().body()).doesNotContain(first.fullName()).doesNotContain(first.idNumber());
        assertNobodyNamed(second.fullName());
    }

    @Test
    void aPossibleDuplicateNeedsAReasonAndTheReasonIsKeptInTheHistory() {
        ClientBuilder first = aLeftBehindChild().inVillage(Villages.CAOZHAI);
        UUID existing = registry.registerId(WORKER, first);
        ClientBuilder namesake = aLeftBehindChild()
                .named(first.fullName())
                .bornOn(first.birthDate())
                .inVillage(Villages.CAOZHAI);

        Response warned = api.post("/api/v1/clients", namesake.build(), token(WORKER));

        assertProblem(warned, 409, "client.duplicate.possible");
        assertThat(list(warned.body().get("matches")).stream().map(JsonNode::asString))
                .containsExactly(existing.toString());
        assertThat(allItems("/api/v1/clients?q=" + enc(first.fullName()), token(WORKER)))
                .hasSize(1);

        Response accepted = api.post(
                "/api/v1/clients",
                namesake.registeredDespiteDuplicate("双胞胎，已核实户口簿").build(),
                token(WORKER));

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(201);
        String newId = accepted.body().get("id").asString();
        assertThat(newId).isNotEqualTo(existing.toString());
        Response history = api.get("/api/v1/clients/" + newId + "/history", token(WORKER));
        assertThat(history.body()).hasSize(1);
        assertThat(history.body().get(0).get("action").asString()).isEqualTo("CREATED");
        assertThat(history.body().get(0).get("note").asString()).contains("双胞胎，已核实户口簿");
        assertThat(allItems("/api/v1/clients?q=" + enc(first.fullName()), token(WORKER)))
                .hasSize(2);
    }

    // --- correcting -----------------------------------------------------------------------------

    @Test
    void aCorrectionBasedOnTheCurrentVersionIsSavedAndItsFieldsAreInTheHistory() {
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        String id =
                registry.register(DemoUsers.COUNTY_SUPERVISOR, child).get("id").asString();
        Instant before = Instant.now().minusSeconds(60);

        Response r = api.put(
                "/api/v1/clients/" + id,
                child.livingAt("任庄村三组12号").withPhone("13900001111").build(),
                token(WORKER),
                "\"0\"");

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        assertThat(r.body().get("version").asLong()).isEqualTo(1);
        assertThat(r.body().get("address").asString()).isEqualTo("任庄村三组12号");
        assertThat(r.body().get("phoneMasked").asString()).isEqualTo("139****1111");
        assertThat(r.body().get("updatedBy").asString()).isEqualTo(WORKER);

        Response history = api.get("/api/v1/clients/" + id + "/history", token(WORKER));
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).hasSize(2);
        JsonNode latest = history.body().get(0);
        assertThat(latest.get("action").asString()).isEqualTo("UPDATED");
        assertThat(latest.get("actor").asString()).isEqualTo(WORKER);
        assertThat(list(latest.get("fields")).stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("phone", "address");
        Instant at = Instant.parse(latest.get("at").asString());
        assertThat(at).isBetween(before, Instant.now().plusSeconds(60));
        assertThat(history.raw().body()).doesNotContain("13900001111");
        JsonNode created = history.body().get(1);
        assertThat(created.get("action").asString()).isEqualTo("CREATED");
        assertThat(created.get("actor").asString()).isEqualTo(DemoUsers.COUNTY_SUPERVISOR);
    }

    @Test
    void aCorrectionBasedOnAStaleVersionIsRefusedAndChangesNothing() {
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        String id = registry.register(WORKER, child).get("id").asString();
        Response first =
                api.put("/api/v1/clients/" + id, child.livingAt("第一次修改").build(), token(WORKER), "\"0\"");
        assertThat(first.status()).isEqualTo(200);

        Response stale = api.put(
                "/api/v1/clients/" + id, child.livingAt("基于旧版本的修改").build(), token(DemoUsers.HEAD_GUYANG), "\"0\"");

        assertProblem(stale, 409, "error.staleVersion");
        Response now = api.get("/api/v1/clients/" + id, token(WORKER));
        assertThat(now.body().get("address").asString()).isEqualTo("第一次修改");
        assertThat(now.body().get("version").asLong()).isEqualTo(1);
        assertThat(now.header("ETag")).isEqualTo("\"1\"");
        assertThat(api.get("/api/v1/clients/" + id + "/history", token(WORKER)).body())
                .hasSize(2);
    }

    @Test
    void aCorrectionWithoutAVersionIsRefused() {
        ClientBuilder child = aLeftBehindChild();
        String id = registry.register(WORKER, child).get("id").asString();

        Response r = api.put("/api/v1/clients/" + id, child.livingAt("无版本").build(), token(WORKER), null);

        assertProblem(r, 400, "error.version.required");
        assertThat(api.get("/api/v1/clients/" + id, token(WORKER))
                        .body()
                        .get("address")
                        .asString())
                .isEqualTo("村东头");
    }

    @Test
    void theVersionMayAlsoBeGivenAsAParameter() {
        ClientBuilder child = aLeftBehindChild();
        String id = registry.register(WORKER, child).get("id").asString();

        Response r = api.put(
                "/api/v1/clients/" + id + "?version=0", child.livingAt("参数版本").build(), token(WORKER), null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("address").asString()).isEqualTo("参数版本");
        Response stale = api.put(
                "/api/v1/clients/" + id + "?version=0", child.livingAt("旧").build(), token(WORKER), null);
        assertProblem(stale, 409, "error.staleVersion");
    }

    // --- search ---------------------------------------------------------------------------------

    @Test
    void findsByChineseCharacters() {
        ClientBuilder child = aLeftBehindChild();
        UUID id = registry.registerId(WORKER, child);
        String part = child.fullName().substring(1);

        List<JsonNode> found = allItems("/api/v1/clients?q=" + enc(part), token(WORKER));

        assertThat(texts(found, "id")).contains(id.toString());
        assertThat(texts(found, "fullName")).allMatch(name -> name.contains(part));
    }

    @Test
    void findsByFullPinyin() {
        ClientBuilder child = aLeftBehindChild();
        UUID id = registry.registerId(WORKER, child);
        String pinyin = ChineseName.fullPinyin(child.fullName());

        List<JsonNode> found = allItems("/api/v1/clients?q=" + pinyin.toUpperCase(), token(WORKER));

        assertThat(pinyin).matches("[a-z]{6,}");
        assertThat(texts(found, "id")).contains(id.toString());
        assertThat(texts(found, "fullName"))
                .allMatch(name -> ChineseName.fullPinyin(name).startsWith(pinyin));
    }

    @Test
    void findsByPinyinInitials() {
        ClientBuilder child = aLeftBehindChild();
        UUID id = registry.registerId(WORKER, child);
        String initials = ChineseName.initials(child.fullName());

        List<JsonNode> found = allItems("/api/v1/clients?q=" + initials, token(WORKER));

        assertThat(initials).hasSize(3);
        assertThat(texts(found, "id")).contains(id.toString());
        assertThat(texts(found, "fullName"))
                .allMatch(name -> ChineseName.initials(name).startsWith(initials)
                        || ChineseName.fullPinyin(name).startsWith(initials));
    }

    @Test
    void findsByTheLastFourCharactersOfTheIdNumber() {
        ClientBuilder child = aLeftBehindChild();
        UUID id = registry.registerId(WORKER, child);
        String tail = child.idNumber().substring(14);

        List<JsonNode> found = allItems("/api/v1/clients?q=" + tail, token(WORKER));

        assertThat(texts(found, "id")).contains(id.toString());
        assertThat(texts(found, "idNumberMasked")).allMatch(masked -> masked.endsWith(tail));
    }

    @Test
    void findsByVillage() {
        ClientBuilder inLvtang = aLeftBehindChild().inVillage(Villages.LVTANG);
        UUID id = registry.registerId(WORKER, inLvtang);

        List<JsonNode> village = allItems("/api/v1/clients?region=" + Villages.LVTANG, token(WORKER));
        List<JsonNode> otherVillage = allItems("/api/v1/clients?region=" + Villages.RENZHUANG, token(WORKER));

        assertThat(village).isNotEmpty();
        assertThat(texts(village, "residenceRegionCode")).containsOnly(Villages.LVTANG);
        assertThat(texts(village, "id")).contains(id.toString());
        assertThat(texts(otherVillage, "residenceRegionCode")).containsOnly(Villages.RENZHUANG);
        assertThat(texts(otherVillage, "id")).doesNotContain(id.toString());
    }

    @Test
    void findsByCategoryHeldToday() {
        String family = TestData.uniqueGivenName();
        UUID child = registry.registerId(WORKER, aLeftBehindChild().named("聂" + family));
        UUID elder = registry.registerId(WORKER, anElderlyPersonLivingAlone().named("欧" + family));

        List<JsonNode> children =
                allItems("/api/v1/clients?q=" + enc(family) + "&category=LEFT_BEHIND_CHILD", token(WORKER));
        List<JsonNode> elderly = allItems("/api/v1/clients?q=" + enc(family) + "&category=ELDERLY", token(WORKER));
        List<JsonNode> allElderly = allItems("/api/v1/clients?category=ELDERLY", token(WORKER));

        assertThat(texts(children, "id")).containsExactly(child.toString());
        assertThat(texts(elderly, "id")).containsExactly(elder.toString());
        assertThat(allElderly)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(list(c.get("categories")).stream().map(JsonNode::asString))
                        .contains("ELDERLY"));
    }

    @Test
    void anUnknownCategoryIsABadRequest() {
        Response r = api.get("/api/v1/clients?category=UNICORN", token(WORKER));

        assertProblem(r, 400, "error.malformed");
    }

    @Test
    void pagesThroughResults() {
        String family = TestData.uniqueGivenName();
        List<String> ids = List.of(
                registry.registerId(WORKER, aLeftBehindChild().named("聂" + family))
                        .toString(),
                registry.registerId(WORKER, aLeftBehindChild().named("秦" + family))
                        .toString(),
                registry.registerId(WORKER, aLeftBehindChild().named("潘" + family))
                        .toString());

        Response first = api.get("/api/v1/clients?q=" + enc(family) + "&size=2&page=0", token(WORKER));
        Response second = api.get("/api/v1/clients?q=" + enc(family) + "&size=2&page=1", token(WORKER));

        assertThat(first.body().get("page").asInt()).isZero();
        assertThat(first.body().get("size").asInt()).isEqualTo(2);
        assertThat(first.body().get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.body().get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.body().get("items")).hasSize(2);
        assertThat(second.body().get("page").asInt()).isEqualTo(1);
        assertThat(second.body().get("items")).hasSize(1);
        assertThat(second.body().get("totalItems").asLong()).isEqualTo(3);
        List<String> seen = new java.util.ArrayList<>(texts(list(first.body().get("items")), "id"));
        seen.addAll(texts(list(second.body().get("items")), "id"));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    }

    // --- revealing numbers ----------------------------------------------------------------------

    @Test
    void aStationWorkerWithAReasonSeesTheFullNumbersAndTheAccessIsRecorded() {
        ClientBuilder child = aLeftBehindChild().withPhone("13700002222");
        UUID id = registry.registerId(WORKER, child);

        Response r = api.post("/api/v1/clients/" + id + "/reveal", Map.of("reason", "电话核实监护情况"), token(WORKER));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.body().get("idNumber").asString()).isEqualTo(child.idNumber());
        assertThat(r.body().get("phone").asString()).isEqualTo("13700002222");
        assertThat(r.body().get("guardianPhone").asString()).isEqualTo("13812345678");
        List<SensitiveAccessEntry> log = sensitiveAccesses.findByClientIdOrderByOccurredAtDesc(id);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).getActor()).isEqualTo(WORKER);
        assertThat(log.get(0).getReason()).isEqualTo("电话核实监护情况");
        assertThat(log.get(0).getOccurredAt()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    @Test
    void revealingWithoutAReasonIsRefusedAndNotRecorded() {
        UUID id = registry.registerId(WORKER, aLeftBehindChild());

        Response noReason = api.post("/api/v1/clients/" + id + "/reveal", Map.of(), token(WORKER));
        Response blankReason = api.post("/api/v1/clients/" + id + "/reveal", Map.of("reason", "  "), token(WORKER));

        assertProblem(noReason, 400, "client.reveal.reasonRequired");
        assertProblem(blankReason, 400, "client.reveal.reasonRequired");
        assertThat(sensitiveAccesses.findByClientIdOrderByOccurredAtDesc(id)).isEmpty();
    }

    @Test
    void aVillageChildDirectorMayNotRevealNumbers() {
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        UUID id = registry.registerId(WORKER, child);

        Response r = api.post(
                "/api/v1/clients/" + id + "/reveal", Map.of("reason", "上门核实"), token(DemoUsers.DIRECTOR_RENZHUANG));

        assertProblem(r, 403, "client.reveal.forbidden");
        assertThat(r.raw().body()).doesNotContain(child.idNumber());
        assertThat(sensitiveAccesses.findByClientIdOrderByOccurredAtDesc(id)).isEmpty();
    }

    // --- bad requests and languages -------------------------------------------------------------

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        Response r = api.postRaw("/api/v1/clients", "{\"fullName\": \"张三\", ", token(WORKER), "zh-CN");

        assertProblem(r, 400, "error.malformed");
        assertThat(r.body().get("detail").asString()).isEqualTo("请求格式不正确，无法读取。请检查填写的内容。");
    }

    @Test
    void aWrongTypeInJsonIsABadRequestNotAServerError() {
        Response r = api.postRaw(
                "/api/v1/clients", "{\"fullName\": \"张三\", \"birthDate\": \"not-a-date\"}", token(WORKER), "zh-CN");

        assertProblem(r, 400, "error.malformed");
    }

    @Test
    void problemsAreInEnglishWhenAskedAndInChineseByDefault() {
        ClientBuilder child = aLeftBehindChild().withoutIdNumber(null);
        String body = Api.json(child.build());

        Response english = api.postRaw("/api/v1/clients", body, token(WORKER), "en");
        Response englishUs = api.postRaw("/api/v1/clients", body, token(WORKER), "en-US,en;q=0.9");
        Response chinese = api.post("/api/v1/clients", child.build(), token(WORKER));

        assertProblem(english, 400, "client.noIdReason.required");
        assertThat(english.body().get("detail").asString())
                .isEqualTo("Without an ID number, give the reason (for example: no hukou).");
        assertThat(englishUs.body().get("detail").asString())
                .isEqualTo("Without an ID number, give the reason (for example: no hukou).");
        assertProblem(chinese, 400, "client.noIdReason.required");
        assertThat(chinese.body().get("detail").asString()).isEqualTo("未填写身份证号时，请说明原因（如：未落户）。");
        assertThat(api.get("/api/v1/clients/" + UUID.randomUUID(), token(WORKER), "en")
                        .body()
                        .get("detail")
                        .asString())
                .isEqualTo("The record does not exist or is outside your jurisdiction.");
    }

    // --- categories -----------------------------------------------------------------------------

    @Nested
    class Categories {

        @Test
        void aSeventeenYearOldCannotBeRegisteredAsALeftBehindChild() {
            ClientBuilder teenager = aLeftBehindChild().aged(17);

            Response r = api.post("/api/v1/clients", teenager.build(), token(WORKER));

            assertProblem(r, 400, "client.category.childTooOld");
            assertNobodyNamed(teenager.fullName());
        }

        @Test
        void aLeftBehindChildCategoryCannotBeAddedToASeventeenYearOld() {
            ClientBuilder teenager = aLeftBehindChild().aged(17).withoutCategories();
            UUID id = registry.registerId(WORKER, teenager);

            Response r = api.post(
                    "/api/v1/clients/" + id + "/categories?version=0",
                    category(CategoryType.LEFT_BEHIND_CHILD, null),
                    token(WORKER));

            assertProblem(r, 400, "client.category.childTooOld");
            Response now = api.get("/api/v1/clients/" + id, token(WORKER));
            assertThat(now.body().get("categories")).isEmpty();
            assertThat(now.body().get("version").asLong()).isZero();
        }

        @Test
        void aCategoryIsAddedToAClient() {
            UUID id = registry.registerId(WORKER, aLeftBehindChild().aged(12).withoutCategories());

            Response r = api.post(
                    "/api/v1/clients/" + id + "/categories",
                    category(CategoryType.LEFT_BEHIND_CHILD, null),
                    token(WORKER),
                    "\"0\"");

            assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
            assertThat(r.body().get("categories")).hasSize(1);
            assertThat(r.body().get("categories").get(0).get("type").asString()).isEqualTo("LEFT_BEHIND_CHILD");
            JsonNode history =
                    api.get("/api/v1/clients/" + id + "/history", token(WORKER)).body();
            assertThat(history.get(0).get("action").asString()).isEqualTo("CATEGORY_ADDED");
            assertThat(history.get(0).get("fields").get(0).asString()).isEqualTo("LEFT_BEHIND_CHILD");
        }

        @Test
        void addingACategoryMakesEarlierVersionsStale() {
            ClientBuilder child = aLeftBehindChild().aged(12).withoutCategories();
            UUID id = registry.registerId(WORKER, child);
            Response added = api.post(
                    "/api/v1/clients/" + id + "/categories",
                    category(CategoryType.LEFT_BEHIND_CHILD, null),
                    token(WORKER),
                    "\"0\"");
            assertThat(added.status()).isEqualTo(200);

            Response stale =
                    api.put("/api/v1/clients/" + id, child.livingAt("旧版本").build(), token(WORKER), "\"0\"");

            assertThat(added.header("ETag")).isEqualTo("\"1\"");
            assertProblem(stale, 409, "error.staleVersion");
        }

        @Test
        void endingACategoryNeedsAReason() {
            JsonNode created = registry.register(WORKER, aLeftBehindChild());
            String id = created.get("id").asString();
            String categoryId = created.get("categories").get(0).get("id").asString();
            String end = "/api/v1/clients/" + id + "/categories/" + categoryId + "/end";

            Response withoutReason = api.post(
                    end + "?version=0", Map.of("endDate", TestData.today().toString()), token(WORKER));

            assertProblem(withoutReason, 400, "client.category.endReasonRequired");
            Response unchanged = api.get("/api/v1/clients/" + id, token(WORKER));
            assertThat(unchanged.body().get("categories").get(0).get("validTo").isNull())
                    .isTrue();

            long version = unchanged.body().get("version").asLong();
            Response ended = api.post(
                    end + "?version=" + version,
                    Map.of("endDate", TestData.today().toString(), "reason", "父母返乡"),
                    token(WORKER));

            assertThat(ended.status()).as(ended.raw().body()).isEqualTo(200);
            JsonNode category = ended.body().get("categories").get(0);
            assertThat(category.get("validTo").asString())
                    .isEqualTo(TestData.today().toString());
            assertThat(category.get("endReason").asString()).isEqualTo("父母返乡");
            JsonNode history =
                    api.get("/api/v1/clients/" + id + "/history", token(WORKER)).body();
            assertThat(history.get(0).get("action").asString()).isEqualTo("CATEGORY_ENDED");
        }
    }

    private void assertNobodyNamed(String fullName) {
        Response r = api.get("/api/v1/clients?q=" + enc(fullName), token(DemoUsers.COUNTY_SUPERVISOR));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("totalItems").asLong())
                .as("clients named %s", fullName)
                .isZero();
    }

    static void assertProblem(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body().get("status").asInt()).isEqualTo(status);
        assertThat(r.body().get("code").asString()).isEqualTo(code);
        assertThat(r.body().get("detail").asString()).isNotBlank().isNotEqualTo(code);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
