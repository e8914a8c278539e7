package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.ADMIN;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.LIAISON;

import java.util.Map;
import java.util.UUID;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit screens over real HTTP with a logged-in session: the access log and the change history
 * show a county supervisor and an administrator their county, a station head their township, a
 * station worker only their own entries; village roles and liaisons are refused. Two fresh workers
 * (one in 堌阳镇, one in 南章镇) register and reveal, so what each viewer must and must not see is
 * known exactly.
 */
class AuditScreensIT extends ApiTest {

    @LocalServerPort
    int port;

    private UserBuilder guyangWorker;
    private UserBuilder nanzhangWorker;
    private UUID guyangChild;
    private UUID nanzhangChild;

    @BeforeAll
    void twoWorkersRegisterAndReveal() {
        guyangWorker = UserBuilder.aStationWorker();
        nanzhangWorker = UserBuilder.aStationWorker().in(Villages.NANZHANG);
        registry.createUser(guyangWorker);
        registry.createUser(nanzhangWorker);
        String guyangToken = api.tokenFor(guyangWorker.username(), guyangWorker.password());
        String nanzhangToken = api.tokenFor(nanzhangWorker.username(), nanzhangWorker.password());
        guyangChild =
                registry.registerId(guyangWorker.username(), aLeftBehindChild().withPhone("13911112222"));
        nanzhangChild = registry.registerId(
                nanzhangWorker.username(), aLeftBehindChild().inVillage(Villages.SIZHAI));
        assertThat(reveal(guyangToken, guyangChild)).isEqualTo(200);
        assertThat(reveal(nanzhangToken, nanzhangChild)).isEqualTo(200);
    }

    @Test
    void countySupervisorAndAdministratorSeeTheirWholeCounty() {
        for (WebSession viewer : new WebSession[] {session(COUNTY_SUPERVISOR), session(ADMIN)}) {
            for (String path : new String[] {"/audit", "/audit/changes"}) {
                WebSession.Page page = viewer.get(path + "?size=50");
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.body()).contains(guyangWorker.username(), nanzhangWorker.username());
            }
        }
        // a county supervisor of another county (淇县) sees neither
        UserBuilder qixian = UserBuilder.aCountySupervisor().in(Villages.QIXIAN);
        registry.createUser(qixian);
        WebSession other = session(qixian.username(), qixian.password());
        for (String path : new String[] {"/audit", "/audit/changes"}) {
            WebSession.Page page = other.get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain(guyangWorker.username(), nanzhangWorker.username());
        }
    }

    @Test
    void aStationHeadSeesTheTownshipOnly() {
        WebSession head = session(HEAD_GUYANG);
        for (String path : new String[] {"/audit", "/audit/changes"}) {
            WebSession.Page page = head.get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains(guyangWorker.username()).doesNotContain(nanzhangWorker.username());
        }
    }

    @Test
    void aStationWorkerSeesOnlyTheirOwn() {
        WebSession worker = session(guyangWorker.username(), guyangWorker.password());
        WebSession.Page access = worker.get("/audit");
        assertThat(access.status()).isEqualTo(200);
        assertThat(access.body())
                .contains(guyangWorker.username(), "核实监护人电话", "共 1 条")
                .doesNotContain(nanzhangWorker.username());
        WebSession.Page changes = worker.get("/audit/changes");
        assertThat(changes.body()).contains(guyangWorker.username()).doesNotContain(nanzhangWorker.username());
        // asking for someone else's entries gives nothing, not theirs
        assertThat(worker.get("/audit?user=" + nanzhangWorker.username()).body())
                .contains("共 0 条")
                .doesNotContain(nanzhangWorker.username() + "</td>");
        assertThat(worker.get("/audit/changes?user=head-guyang").body()).contains("共 0 条");
    }

    @Test
    void villageRolesAndLiaisonsAreRefused() {
        for (String user : new String[] {DIRECTOR_RENZHUANG, LIAISON}) {
            WebSession session = session(user);
            assertThat(session.get("/audit").status()).as(user).isEqualTo(403);
            assertThat(session.get("/audit/changes").status()).as(user).isEqualTo(403);
            assertThat(session.get("/").body()).doesNotContain("href=\"/audit\"");
        }
        assertThat(api.get("/api/v1/audit/reveals", token(DIRECTOR_RENZHUANG)).status())
                .isEqualTo(403);
        assertThat(session(HEAD_GUYANG).get("/").body()).contains("href=\"/audit\"");
    }

    @Test
    void filtersByUserClientAndPeriod() {
        WebSession county = session(COUNTY_SUPERVISOR);
        WebSession.Page byClient = county.get("/audit?client=" + nanzhangChild);
        assertThat(byClient.body())
                .contains(nanzhangWorker.username(), "共 1 条")
                .doesNotContain(guyangWorker.username());
        WebSession.Page byUser = county.get("/audit/changes?user=" + guyangWorker.username());
        assertThat(byUser.body())
                .contains(guyangWorker.username(), "/clients/" + guyangChild)
                .doesNotContain(nanzhangWorker.username());
        WebSession.Page changesOfRecord = county.get("/audit/changes?client=" + nanzhangChild);
        assertThat(changesOfRecord.body()).contains(nanzhangWorker.username()).doesNotContain(guyangWorker.username());
        WebSession.Page future =
                county.get("/audit?user=" + guyangWorker.username() + "&from=2099-01-01&to=2099-12-31");
        assertThat(future.body()).contains("共 0 条");
        // a mistyped date is named and left out; the rest of the filter still applies
        WebSession.Page typo = county.get("/audit?user=" + guyangWorker.username() + "&from=2026-13-45");
        assertThat(typo.status()).isEqualTo(200);
        assertThat(typo.body()).contains("日期格式不正确", guyangWorker.username(), "value=\"2026-13-45\"");
        WebSession.Page badClient = county.get("/audit?client=not-an-id");
        assertThat(badClient.status()).isEqualTo(200);
        assertThat(badClient.body()).contains("服务对象编号格式不正确");
    }

    private WebSession session(String username) {
        return session(username, Api.PASSWORD);
    }

    private WebSession session(String username, String password) {
        WebSession session = new WebSession(port, Api.someAddress());
        WebSession.Page login = session.login(username, password);
        assertThat(login.location()).as("login of %s", username).doesNotContain("error");
        return session;
    }

    private int reveal(String token, UUID client) {
        return api.post("/api/v1/clients/" + client + "/reveal", Map.of("reason", "核实监护人电话"), token)
                .status();
    }
}
