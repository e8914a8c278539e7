package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_NANZHANG;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.casework.core.clients.ChineseName;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The case list's search and filters over real HTTP with a session: by number, client name, pinyin
 * and initials; by state, risk, worker and village (or a whole township); always inside the
 * viewer's jurisdiction. Three fresh cases make what must and must not be listed exact: A (任庄村,
 * red, being assessed), B (曹寨村, a lead) by one 堌阳镇 worker, C (南章镇 寺寨村, a lead) by another.
 */
class CaseListFiltersIT extends ApiTest {

    @LocalServerPort
    int port;

    private Cases cases;
    private String nameA;
    private String numberA;
    private String numberB;
    private String numberC;
    private UUID guyangWorkerId;

    @BeforeAll
    void threeCases() {
        cases = new Cases(api);
        UserBuilder guyang = UserBuilder.aStationWorker();
        UserBuilder nanzhang = UserBuilder.aStationWorker().in(Villages.NANZHANG);
        guyangWorkerId = registry.createUser(guyang);
        registry.createUser(nanzhang);
        api.tokenFor(guyang.username(), guyang.password());
        api.tokenFor(nanzhang.username(), nanzhang.password());

        nameA = TestPeople.uniqueName();
        UUID a = registry.registerId(
                guyang.username(), aLeftBehindChild().named(nameA).inVillage(Villages.RENZHUANG));
        JsonNode caseA = cases.assessing(guyang.username(), a);
        cases.signedChildAssessment(guyang.username(), a, caseA);
        caseA = cases.confirmRisk(guyang.username(), cases.get(guyang.username(), caseA), "RED");
        numberA = caseA.get("caseNumber").asString();

        UUID b = registry.registerId(
                guyang.username(),
                aLeftBehindChild().named(TestPeople.uniqueName()).inVillage(Villages.CAOZHAI));
        numberB = cases.open(guyang.username(), b).get("caseNumber").asString();
        UUID c = registry.registerId(
                nanzhang.username(),
                aLeftBehindChild().named(TestPeople.uniqueName()).inVillage(Villages.SIZHAI));
        numberC = cases.open(nanzhang.username(), c).get("caseNumber").asString();
    }

    @Test
    void searchesByNameNumberPinyinAndInitials() {
        WebSession county = session(COUNTY_SUPERVISOR);
        assertThat(county.get("/cases?show=all&q=" + enc(nameA)).body())
                .contains(numberA)
                .doesNotContain(numberB, numberC);
        assertThat(county.get("/cases?show=all&q=" + ChineseName.fullPinyin(nameA))
                        .body())
                .contains(numberA)
                .doesNotContain(numberB, numberC);
        assertThat(county.get("/cases?show=all&q=" + ChineseName.initials(nameA).toUpperCase())
                        .body())
                .contains(numberA)
                .doesNotContain(numberB, numberC);
        assertThat(county.get("/cases?show=all&q=" + numberB).body())
                .contains(numberB)
                .doesNotContain(numberA, numberC);
        // the search stays inside the jurisdiction: another township's worker does not find A
        assertThat(session(STATION_NANZHANG)
                        .get("/cases?show=all&q=" + enc(nameA))
                        .body())
                .doesNotContain(numberA);
    }

    @Test
    void filtersByStateRiskWorkerAndVillage() {
        WebSession county = session(COUNTY_SUPERVISOR);
        assertThat(county.get("/cases?show=all&state=LEAD").body())
                .contains(numberB, numberC)
                .doesNotContain(numberA);
        assertThat(county.get("/cases?show=all&risk=RED").body())
                .contains(numberA)
                .doesNotContain(numberB, numberC);
        assertThat(county.get("/cases?show=all&village=" + Villages.CAOZHAI).body())
                .contains(numberB)
                .doesNotContain(numberA, numberC);
        assertThat(county.get("/cases?show=all&village=" + Villages.NANZHANG).body())
                .contains(numberC)
                .doesNotContain(numberA, numberB);
        WebSession head = session(HEAD_GUYANG);
        WebSession.Page byWorker = head.get("/cases?show=all&worker=" + guyangWorkerId);
        assertThat(byWorker.body()).contains(numberA, numberB).doesNotContain(numberC);
        assertThat(byWorker.body()).contains("value=\"" + guyangWorkerId + "\" selected=\"selected\"");
        // filters combine
        assertThat(head.get("/cases?show=all&worker=" + guyangWorkerId + "&state=LEAD")
                        .body())
                .contains(numberB)
                .doesNotContain(numberA);
    }

    @Test
    void anUnrecognisedFilterIsNamedAndLeftOut() {
        WebSession county = session(COUNTY_SUPERVISOR);
        WebSession.Page page = county.get("/cases?show=all&state=NOPE&village=" + Villages.CAOZHAI);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("筛选条件有误", numberB).doesNotContain(numberA);
        WebSession.Page badVillage = county.get("/cases?show=all&risk=RED&village=abc");
        assertThat(badVillage.status()).isEqualTo(200);
        assertThat(badVillage.body()).contains("筛选条件有误", numberA);
        assertThat(session(DIRECTOR_RENZHUANG).get("/cases").status()).isEqualTo(403);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private WebSession session(String username) {
        WebSession session = new WebSession(port, Api.someAddress());
        assertThat(session.login(username, Api.PASSWORD).location()).doesNotContain("error");
        return session;
    }
}
