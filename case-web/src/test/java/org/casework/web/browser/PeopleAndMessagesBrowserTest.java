package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, "people and messages", in a real browser in Simplified Chinese: the station head sets
 * the station's phone; the liaison sees who referred and that phone, and completes with a
 * structured result that lands on the case timeline; people are shown by name; the worker gets one
 * notice naming the case for the whole accept → start → complete; the triage form shows only the
 * parts of the chosen outcome and only children's categories; a child is offered no elderly
 * instrument. Screenshots go to /tmp/casework-people-*.png.
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleAndMessagesBrowserTest {

    private static final String WORKER = "station-guyang";
    private static final String WORKER_NAME = "堌阳镇社工 李娜";
    private static final String HEAD = "head-guyang";
    private static final String LIAISON = "liaison-fulian";
    private static final String LIAISON_NAME = "县妇联联络员 张丽";

    @LocalServerPort
    int port;

    Browser browser;
    Api api;
    UUID child;
    JsonNode caseFile;

    @BeforeAll
    void startBrowserAndAChildWithACase() {
        browser = new Browser(port);
        api = new Api(port).from(Api.someAddress());
        child = new Registry(api).registerId(WORKER, aLeftBehindChild());
        caseFile = new CaseSteps(api).admitted(WORKER, child);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theLiaisonCallsTheStationBackAndTheStationHearsOnceWithTheCaseNumber() {
        // the station head keeps the station's office phone
        browser.login(HEAD);
        click(By.cssSelector("nav.main-nav a[href='/station']"));
        browser.waitForText(By.id("contact-heading"), "办公联系方式");
        browser.type("contactPhone", "0371-2688 0001");
        browser.type("contactName", "堌阳镇社工站办公室");
        click(By.cssSelector("#station-contact-form button[type=submit]"));
        browser.waitForText(By.cssSelector(".notice.success"), "联系方式已保存");
        browser.screenshot("casework-people-1-station");

        String caseNumber = caseFile.get("caseNumber").asString();
        String referralId = refer();

        // the liaison sees who referred, by name, and the number to call back
        browser.login(LIAISON);
        browser.open("/referrals/" + referralId);
        browser.waitForText(By.id("request"), WORKER_NAME);
        assertThat(browser.find(By.id("sender-phone")).getText()).isEqualTo("037126880001");
        assertThat(browser.bodyText()).doesNotContain(WORKER + " ");
        click(By.cssSelector("button[data-step=accept]"));
        browser.waitForText(By.id("referral-status"), "已接收");
        click(By.cssSelector("button[data-step=start]"));
        browser.waitForText(By.id("referral-status"), "服务中");
        click(By.cssSelector("details[data-step=complete] > summary"));
        click(By.cssSelector("details[data-step=complete] input[name=result][value=PARTLY_PROVIDED]"));
        browser.find(By.cssSelector("details[data-step=complete] textarea[name=text]"))
                .sendKeys("已安排每周两次课后陪伴，心理辅导暂无名额");
        click(By.cssSelector("details[data-step=complete] button[type=submit]"));
        browser.waitForText(By.id("referral-status"), "已办结");
        assertThat(browser.find(By.id("referral-result-shown")).getText()).isEqualTo("部分提供");
        assertThat(browser.find(By.id("history")).getText()).contains(WORKER_NAME, LIAISON_NAME);
        browser.screenshot("casework-people-2-referral");

        // the case timeline keeps the result; people are named, not logins
        browser.login(WORKER);
        browser.open("/cases/" + caseFile.get("id").asString());
        browser.waitForText(By.id("timeline"), "转介结果：部分提供");
        String timeline = browser.find(By.id("timeline")).getText();
        assertThat(timeline).contains("兰考县妇女联合会：已安排每周两次课后陪伴", LIAISON_NAME, WORKER_NAME);
        assertThat(timeline).doesNotContain(WORKER, LIAISON);

        // one notice for the three steps, naming the case
        browser.open("/notifications");
        String inbox = browser.find(By.id("main")).getText();
        assertThat(inbox.split(caseNumber, -1).length - 1)
                .as("notices naming %s", caseNumber)
                .isEqualTo(1);
        assertThat(inbox).contains("转介（兰考县妇女联合会，" + caseNumber + "）状态更新：已办结");
        browser.screenshot("casework-people-3-inbox");
    }

    @Test
    void theTriageFormShowsOnlyWhatTheChosenOutcomeNeedsAndOnlyChildrensCategories() {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", child.toString());
        body.put("type", "SCHOOL_DROPOUT");
        body.put("description", "开学两周没去上学");
        Api.Response raised = api.post("/api/v1/flags", body, api.tokenFor("director-renzhuang"));
        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(201);

        browser.login(WORKER);
        browser.open("/flags/" + raised.body().get("id").asString());
        browser.waitForText(By.id("triage-heading"), "处理");
        assertThat(visible("triage-case")).isFalse();
        assertThat(visible("triage-category")).isFalse();

        click(By.cssSelector("input[name=outcome][value=REGISTERED] + span"));
        assertThat(visible("triage-category")).isTrue();
        assertThat(visible("triage-case")).isFalse();
        List<String> categories = new Select(browser.find(By.name("category")))
                .getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(categories)
                .contains("LEFT_BEHIND_CHILD", "CHILD_IN_DIFFICULTY")
                .doesNotContain("ELDERLY", "LEFT_BEHIND_WOMAN");
        new Select(browser.find(By.name("category"))).selectByValue("CHILD_IN_DIFFICULTY");
        List<String> subTypes = new Select(browser.find(By.name("categorySubType")))
                .getOptions().stream()
                        .filter(WebElement::isEnabled)
                        .map(o -> o.getAttribute("value"))
                        .toList();
        assertThat(subTypes).contains("ORPHAN").doesNotContain("LIVING_ALONE", "MINIMUM_LIVING_ALLOWANCE");
        browser.screenshot("casework-people-4-triage-registered");

        click(By.cssSelector("input[name=outcome][value=LINKED_TO_CASE] + span"));
        assertThat(visible("triage-case")).isTrue();
        assertThat(visible("triage-category")).isFalse();
        assertThat(visible("triage-reason")).isFalse();

        // a child is offered no elderly instrument
        browser.open("/clients/" + child);
        List<String> instruments = new Select(browser.waitFor(By.cssSelector("select[name=instrument]")))
                .getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(instruments).contains("child-protection").doesNotContain("elderly-ability-gbt42195");
    }

    private String refer() {
        String fulian = null;
        for (JsonNode o :
                api.get("/api/v1/referrals/receivers", api.tokenFor(WORKER)).body()) {
            if (o.get("department").asString().equals("WOMENS_FEDERATION")) {
                fulian = o.get("id").asString();
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseFile.get("id").asString());
        body.put("receivingOrganisationId", fulian);
        body.put("reason", "孩子需要课后照护和心理辅导");
        body.put("servicesRequested", "课后照护；心理辅导");
        body.put("urgency", "NORMAL");
        body.put("consent", Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "王桂英"));
        Api.Response sent = api.post("/api/v1/referrals", body, api.tokenFor(WORKER));
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(201);
        return sent.body().get("id").asString();
    }

    private boolean visible(String id) {
        return browser.waitFor(By.id(id)).isDisplayed();
    }

    private void click(By by) {
        WebElement element = browser.waitFor(by);
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
