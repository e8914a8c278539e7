package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;

import org.casework.core.security.Role;
import org.casework.it.fixtures.UserBuilder;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The worklist's filters over real HTTP with a session: kind, village, risk, overdue, due window and
 * worker, grouped by village; a supervisor's approvals apart from the due work. The registrations
 * are made in 兰阳街道 (城中社区, 胜利社区: no demo data), so its worklist holds exactly them.
 */
class WorklistFiltersIT extends ApiTest {

    private static final String WULIHE = "410225001";
    private static final String SHIZHUANG = "410225001001";
    private static final String YUHUANGMIAO = "410225001002";

    @LocalServerPort
    int port;

    private UserBuilder worker;
    private UserBuilder head;
    private String nameA;
    private String nameB;

    @BeforeAll
    void twoChildrenInTwoVillages() {
        worker = UserBuilder.aStationWorker().in(WULIHE);
        head = UserBuilder.aStationWorker().withRole(Role.STATION_HEAD).in(WULIHE);
        registry.createUser(worker);
        registry.createUser(head);
        api.tokenFor(worker.username(), worker.password());
        nameA = TestPeople.uniqueName();
        nameB = TestPeople.uniqueName();
        registry.registerId(worker.username(), aLeftBehindChild().named(nameA).inVillage(SHIZHUANG));
        registry.registerId(worker.username(), aLeftBehindChild().named(nameB).inVillage(YUHUANGMIAO));
    }

    @Test
    void groupedByVillageAndFilteredByVillageAndKind() {
        WebSession session = session(worker.username(), worker.password());
        WebSession.Page all = session.get("/worklist");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains(nameA, nameB, "class=\"village-group\">城中社区", "胜利社区");

        assertThat(session.get("/worklist?village=" + YUHUANGMIAO).body())
                .contains(nameB)
                .doesNotContain(nameA);
        assertThat(session.get("/worklist?kind=VISIT_DUE").body()).contains(nameA, nameB);
        assertThat(session.get("/worklist?kind=FOLLOW_UP_DUE").body()).doesNotContain(nameA, nameB);
        assertThat(session.get("/worklist?due=30").body()).contains(nameA, nameB);
    }

    @Test
    void riskOverdueAndWindowLeaveOnlyMatchingItems() {
        WebSession session = session(STATION_GUYANG, Api.PASSWORD);
        String red = dueWork(session.get("/worklist?risk=RED").body());
        assertThat(red).doesNotContain("risk-orange", "risk-yellow", "risk-green");
        String overdue = dueWork(session.get("/worklist?overdue=true").body());
        assertThat(overdue).doesNotContain("<li>").doesNotContain("<li class=\"\">");
        // the fresh registrations' first visits are not overdue yet: the filter removes them
        WebSession fresh = session(worker.username(), worker.password());
        assertThat(dueWork(fresh.get("/worklist").body())).contains(nameA, "<li>");
        assertThat(fresh.get("/worklist?overdue=true").body()).doesNotContain(nameA, nameB);
    }

    @Test
    void aStationHeadSeesApprovalsApartAndFiltersByWorker() {
        WebSession guyang = session(HEAD_GUYANG, Api.PASSWORD);
        String body = guyang.get("/worklist").body();
        assertThat(body).contains("id=\"approvals\"", "待审批");
        assertThat(dueWork(body)).doesNotContain("kind-approval_waiting");
        // asking for approvals only shows them in the main list, without the separate section
        assertThat(guyang.get("/worklist?kind=APPROVAL_WAITING").body()).doesNotContain("id=\"approvals\"");
        // a station worker has no approvals section
        assertThat(session(STATION_GUYANG, Api.PASSWORD).get("/worklist").body())
                .doesNotContain("id=\"approvals\"");

        WebSession wulihe = session(head.username(), head.password());
        assertThat(wulihe.get("/worklist").body()).contains(nameA, nameB);
        // registry visits belong to no worker: filtering by a worker leaves them out
        String workerId =
                registry.createUser(UserBuilder.aStationWorker().in(WULIHE)).toString();
        assertThat(wulihe.get("/worklist?worker=" + workerId).body()).doesNotContain(nameA, nameB);
    }

    @Test
    void aPlaceOutsideTheJurisdictionOrAGarbledValueIsNamedAndLeftOut() {
        WebSession session = session(worker.username(), worker.password());
        WebSession.Page outside = session.get("/worklist?village=410225101201");
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.body()).contains("筛选条件有误", nameA, nameB);
        WebSession.Page garbled = session.get("/worklist?kind=NOPE&due=soon&village=" + SHIZHUANG);
        assertThat(garbled.status()).isEqualTo(200);
        assertThat(garbled.body()).contains("筛选条件有误", nameA).doesNotContain(nameB);
        assertThat(session.get("/worklist?due=400").body()).contains("筛选条件有误");
    }

    private static String dueWork(String body) {
        int start = body.indexOf("id=\"due-work\"");
        assertThat(start).as("the due work section").isPositive();
        return body.substring(start);
    }

    private WebSession session(String username, String password) {
        WebSession session = new WebSession(port, Api.someAddress());
        assertThat(session.login(username, password).location()).doesNotContain("error");
        return session;
    }
}
