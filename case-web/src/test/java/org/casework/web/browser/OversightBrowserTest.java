package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.casework.core.indicators.IndicatorSnapshot;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.TownshipRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The county supervisor opens 统计/督导 from the menu, sees the charts drawn, goes down to 葡萄架乡
 * (410225208, data of this test only), and from the overdue-visits figure and from a click on the
 * chart's overdue bar reaches exactly the clients counted.
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightBrowserTest {

    static final String TOWNSHIP = "410225208";
    static final String VILLAGE = "410225208201"; // 南家坡村

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IndicatorSnapshot snapshot;

    Browser browser;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void start() {
        TownshipRows rows = new TownshipRows(jdbc, TOWNSHIP);
        for (int i = 0; i < 3; i++) {
            UUID client = rows.client(VILLAGE, "浏览" + tag + i);
            rows.schedule(client, VILLAGE, "YELLOW", TestData.today().minusDays(4 + i));
        }
        // the dashboard counts today's schedules as of the nightly snapshot (docs/indicators.md)
        snapshot.refresh();
        browser = new Browser(port);
    }

    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void fromTheMenuToTheChartsAndDownToTheOverdueClients() {
        browser.login("county-sup");
        browser.find(By.cssSelector("nav.main-nav a[href='/oversight']")).click();
        browser.waitForText(By.tagName("h1"), "统计/督导");
        // ECharts drew every chart (a canvas in each), from the webjar served by the server
        for (String chart : List.of("chart-coverage", "chart-flags", "chart-cases", "chart-trend")) {
            browser.waitFor(By.cssSelector("#" + chart + " canvas"));
        }
        browser.screenshot("casework-oversight-county");

        browser.find(By.linkText("葡萄架乡")).click();
        browser.waitForText(By.id("jurisdiction-name"), "葡萄架乡");
        WebElement overdue = browser.find(By.id("figure-overdue"));
        assertThat(overdue.getText()).contains("逾期探访", "3", "需关注");
        assertThat(overdue.getAttribute("class")).contains("alert");
        // the village's row says it in words too
        assertThat(browser.find(By.id("coverage-table")).getText()).contains("逾期 3");

        overdue.click();
        browser.waitForText(By.tagName("h1"), "逾期探访");
        assertThat(browser.find(By.id("items-count")).getText()).isEqualTo("共 3 条");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#items tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(browser.find(By.id("items")).getText()).contains("浏览" + tag + "0", "浏览" + tag + "2", "南家坡村");
        browser.screenshot("casework-oversight-items");

        // Back on the township's dashboard, a click on the chart's overdue bar of 南家坡村 opens the same list.
        browser.find(By.id("back")).click();
        browser.waitForText(By.id("jurisdiction-name"), "葡萄架乡");
        WebElement canvas = browser.waitFor(By.cssSelector("#chart-coverage canvas"));
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", canvas);
        pause(); // the bars grow in an animation: click once they have their height
        @SuppressWarnings("unchecked")
        List<Number> offset = (List<Number>) ((JavascriptExecutor) browser.driver())
                .executeScript("var el = document.getElementById('chart-coverage');"
                        + "var c = echarts.getInstanceByDom(el);"
                        + "var names = c.getOption().xAxis[0].data;"
                        + "var i = names.indexOf('南家坡村');"
                        + "var p = c.convertToPixel({seriesIndex: 1}, [i, 1.5]);"
                        + "var canvas = el.querySelector('canvas');"
                        + "return [p[0] - canvas.clientWidth / 2, p[1] - canvas.clientHeight / 2];");
        new Actions(browser.driver())
                .moveToElement(canvas, offset.get(0).intValue(), offset.get(1).intValue())
                .click()
                .perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().contains("/oversight/items"));
        assertThat(browser.driver().getCurrentUrl()).contains("figure=VISITS_OVERDUE", "jurisdiction=" + VILLAGE);
        assertThat(browser.find(By.id("items-count")).getText()).isEqualTo("共 3 条");
    }
}
