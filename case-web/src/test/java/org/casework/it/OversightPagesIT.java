package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;

import java.util.UUID;
import org.casework.core.indicators.IndicatorSettings;
import org.casework.core.indicators.IndicatorSnapshot;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.TownshipRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard page and its drill-down lists over HTTP: who gets them, an overloaded worker said
 * in words, and a figure's link opening exactly the items it counts. Data in 许河乡 (410225207).
 */
class OversightPagesIT extends ApiTest {

    static final String TOWNSHIP = "410225207";
    static final String VILLAGE = "410225207200";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IndicatorSettings settings;

    @Autowired
    IndicatorSnapshot snapshot;

    private int threshold;
    private UUID worker;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void data() {
        threshold = settings.getOverloadThreshold();
        TownshipRows rows = new TownshipRows(jdbc, TOWNSHIP);
        worker = rows.worker("page-w-" + tag, "页面社工" + tag);
        for (int i = 0; i < 4; i++) {
            UUID client = rows.client(VILLAGE, "逾期" + tag + i);
            rows.schedule(client, VILLAGE, "ORANGE", TestData.today().minusDays(2 + i));
            if (i < 3) {
                rows.openCase(client, VILLAGE, worker, "ACTIVE", "RED");
            }
        }
        // the dashboard counts today's schedules as of the nightly snapshot (docs/indicators.md),
        // which another test class may have taken before these rows: take it as the night would
        snapshot.refresh();
    }

    @AfterAll
    void restore() {
        settings.setOverloadThreshold(threshold);
    }

    private WebSession as(String user) {
        WebSession web = new WebSession(port, Api.someAddress());
        web.login(user, Api.PASSWORD);
        return web;
    }

    @Test
    void supervisorsGetTheDashboardOthersAreRefused() {
        WebSession county = as(COUNTY_SUPERVISOR);
        WebSession.Page page = county.get("/oversight");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("统计/督导", "兰考县", "href=\"/oversight\"", "/echarts.min.js");
        assertThat(county.get("/webjars/echarts/echarts.min.js").status()).isEqualTo(200);

        WebSession head = as(HEAD_GUYANG);
        assertThat(head.get("/oversight").body()).contains("堌阳镇");
        assertThat(head.get("/oversight?jurisdiction=" + TOWNSHIP).status()).isEqualTo(403);
        assertThat(head.get("/oversight/items?figure=VISITS_OVERDUE&jurisdiction=" + TOWNSHIP)
                        .status())
                .isEqualTo(403);

        assertThat(as(DIRECTOR_RENZHUANG).get("/oversight").status()).isEqualTo(403);
        WebSession station = as(STATION_GUYANG);
        assertThat(station.get("/oversight").status()).isEqualTo(403);
        assertThat(station.get("/").body()).doesNotContain("href=\"/oversight\"");
    }

    @Test
    void anOverloadedWorkerIsSaidInWordsAndTheirCasesAreOneClickAway() {
        settings.setOverloadThreshold(2);
        WebSession county = as(COUNTY_SUPERVISOR);
        WebSession.Page page = county.get("/oversight?jurisdiction=" + TOWNSHIP);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("有 1 名社工超负荷（在办个案超过 2 个）", "超负荷", "页面社工" + tag);
        String link = "/oversight/items?figure=CASES_OPEN&amp;jurisdiction=" + TOWNSHIP;
        assertThat(page.body()).contains(link).contains("worker=" + worker);

        WebSession.Page cases =
                county.get("/oversight/items?figure=CASES_OPEN&jurisdiction=" + TOWNSHIP + "&worker=" + worker);
        assertThat(cases.status()).isEqualTo(200);
        assertThat(cases.body()).contains("共 3 条");
        assertThat(links(cases.body(), "cases")).isEqualTo(3);
    }

    @Test
    void theOverdueFigureOpensExactlyTheItemsItCounts() {
        WebSession county = as(COUNTY_SUPERVISOR);
        WebSession.Page page = county.get("/oversight?jurisdiction=" + TOWNSHIP);
        assertThat(page.body()).contains("逾期 4");
        WebSession.Page items = county.get("/oversight/items?figure=VISITS_OVERDUE&jurisdiction=" + VILLAGE);
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.body()).contains("共 4 条", "逾期" + tag + "0", "逾期" + tag + "3");
        assertThat(links(items.body(), "clients")).isEqualTo(4);
        WebSession.Page red =
                county.get("/oversight/items?figure=VISITS_OVERDUE&jurisdiction=" + VILLAGE + "&level=RED");
        assertThat(red.body()).contains("共 0 条");
    }

    /** Links to item pages (an id after the path), not the menu's. */
    private static long links(String body, String path) {
        return java.util.regex.Pattern.compile("href=\"/" + path + "/[0-9a-f-]{36}\"")
                .matcher(body)
                .results()
                .count();
    }

    @Test
    void aBadFilterIsSaidNotFailed() {
        WebSession county = as(COUNTY_SUPERVISOR);
        WebSession.Page items = county.get("/oversight/items?figure=CASES_OPEN&level=PURPLE");
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.body()).contains("等级或严重程度不正确。");
        WebSession.Page page = county.get("/oversight?from=2026-05-10&to=2026-05-01");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("统计期间的开始日期不能晚于结束日期。");
    }
}
