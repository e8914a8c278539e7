package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.Registry;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The printable case file and client record (一人一档) in a real browser, on screen and in print
 * media: no navigation, no buttons, no forms, the Chinese text there. And the audit screen: a
 * station head filters the access log by user and follows one client's entries.
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintAndAuditBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;
    String childName;
    UUID child;
    String caseId;
    String caseNumber;

    @BeforeAll
    void aCaseWithASignedAssessment() {
        browser = new Browser(port);
        Api api = new Api(port).from(Api.someAddress());
        Registry registry = new Registry(api);
        Cases cases = new Cases(api);
        childName = TestPeople.uniqueName();
        child = registry.registerId("station-guyang", aLeftBehindChild().named(childName));
        JsonNode caseFile = cases.assessing("station-guyang", child);
        cases.signedChildAssessment("station-guyang", child, caseFile);
        caseId = Cases.id(caseFile);
        caseNumber = caseFile.get("caseNumber").asString();
        Api.Response reveal = api.post(
                "/api/v1/clients/" + child + "/reveal", Map.of("reason", "核实监护人电话"), api.tokenFor("station-guyang"));
        assertThat(reveal.status()).isEqualTo(200);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theCaseFilePrintsWithoutNavigationAndWithItsChineseText() {
        browser.login("station-guyang");
        browser.open("/cases/" + caseId);
        WebElement link = browser.find(By.id("print-case"));
        assertThat(link.getAttribute("href")).endsWith("/cases/" + caseId + "/print");

        browser.open("/cases/" + caseId + "/print");
        browser.waitForText(By.tagName("h1"), "个案档案");
        assertPrintable();
        String text = browser.bodyText();
        assertThat(text)
                .contains(caseNumber, childName, "评估及得分", "服务计划及审批", "服务记录", "结案与回访", "儿童")
                .contains("由 堌阳镇社工 李娜")
                .as("people by the name colleagues know, not the login")
                .doesNotContain("station-guyang");
        browser.screenshot("casework-print-case");

        browser.open("/clients/" + child + "/print");
        browser.waitForText(By.tagName("h1"), "一人一档");
        assertPrintable();
        assertThat(browser.bodyText()).contains(childName, "登记信息", "留守儿童", caseNumber, "*");
        browser.screenshot("casework-print-client");
    }

    @Test
    void aStationHeadFiltersTheAccessLog() {
        browser.login("head-guyang");
        browser.find(By.cssSelector("nav.main-nav a[href='/audit']")).click();
        browser.waitForText(By.tagName("h1"), "审计日志");
        browser.type("user", "station-guyang");
        browser.find(By.cssSelector("form.audit-filter button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#results"), "核实监护人电话");
        // the name people know, with the login an auditor filters by
        List<WebElement> users = browser.driver().findElements(By.cssSelector("table.audit-access td.user"));
        assertThat(users)
                .isNotEmpty()
                .allSatisfy(td -> assertThat(td.getText()).isEqualTo("堌阳镇社工 李娜 (station-guyang)"));

        browser.find(By.cssSelector("table.audit-access a[href='/audit?client=" + child + "']"))
                .click();
        browser.waitForText(By.cssSelector(".result-count"), "共");
        assertThat(browser.driver().getCurrentUrl()).contains("client=" + child);
        assertThat(browser.driver().findElements(By.cssSelector("table.audit-access tbody tr")))
                .isNotEmpty();
        browser.find(By.cssSelector("nav.filters a[href='/audit/changes']")).click();
        browser.waitForText(By.tagName("h1"), "审计日志");
        assertThat(browser.bodyText()).contains("记录变更历史");
    }

    @Test
    void aStationHeadSearchesCasesAndFiltersTheWorklist() {
        browser.login("head-guyang");
        browser.open("/cases?show=all");
        browser.type("q", childName);
        browser.find(By.cssSelector("form.case-search button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#results"), caseNumber);
        assertThat(browser.driver().findElements(By.cssSelector("table.cases tbody tr")))
                .hasSize(1);
        new Select(browser.find(By.cssSelector("form.case-search select[name=state]"))).selectByValue("ACTIVE");
        browser.find(By.cssSelector("form.case-search button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".result-count"), "0");
        assertThat(browser.bodyText()).doesNotContain(caseNumber);

        browser.open("/worklist");
        assertThat(browser.find(By.id("approvals")).isDisplayed()).isTrue();
        new Select(browser.find(By.cssSelector("form.worklist-filter select[name=risk]"))).selectByValue("RED");
        browser.find(By.cssSelector("form.worklist-filter button[type=submit]")).click();
        browser.waitFor(By.id("due-work"));
        assertThat(browser.driver().getCurrentUrl()).contains("risk=RED");
        List<WebElement> levels = browser.driver().findElements(By.cssSelector("#due-work .risk"));
        assertThat(levels).allSatisfy(l -> assertThat(l.getAttribute("class")).contains("risk-red"));
        assertThat(browser.driver().findElements(By.cssSelector("#due-work h3.village-group")))
                .isNotEmpty();
        browser.screenshot("casework-worklist-filtered");
    }

    /** Neither on screen nor in print media: no navigation, no buttons, no forms. */
    private void assertPrintable() {
        for (String media : new String[] {"screen", "print"}) {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
            assertThat(browser.driver().findElements(By.cssSelector("header.site-header, nav.main-nav")))
                    .as(media)
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("button, form, nav, .button")))
                    .as(media)
                    .noneMatch(WebElement::isDisplayed);
        }
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
}
