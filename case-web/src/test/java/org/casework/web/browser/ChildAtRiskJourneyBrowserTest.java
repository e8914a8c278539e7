package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.casework.it.IntegrationTest;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The flags issue's journey in a real browser, in Chinese, by five people: a village child
 * director flags a child left alone (red) → the station finds it among the red flags at the top of
 * its queue, records the same-day report to the police on the flag page, registers the child from
 * the flag, opens a case, takes him in and refers him to 妇联 → 妇联's liaison sees only what was
 * shared (never the reporter), accepts, records progress and completes → the outcome is on the
 * case, and the director sees that the flag led to a case and is told so. Another village's
 * director cannot open the flag. The same journey over HTTP is {@code ChildAtRiskJourneyIT}.
 * Screenshots go to /tmp/casework-journey-*.png.
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildAtRiskJourneyBrowserTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String DIRECTOR_NAME = "任秀兰";
    private static final String DIRECTOR = "director-renzhuang";
    private static final String FLAG_DESCRIPTION = "父母外出务工，爷爷住院，孩子独自在家三天";
    private static final String GUARDIAN_CONTACT = "爷爷 13911112222";
    private static final String OUTCOME = "已纳入儿童之家，每天放学后有人照看";

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void aChildLeftAloneIsFlaggedReportedTakenInReferredToFulianAndTheLoopCloses() {
        String name = TestPeople.uniqueName();

        // 1. the director flags the child left alone: red
        browser.login(DIRECTOR);
        browser.open("/flags/new");
        browser.waitForText(By.tagName("h1"), "风险上报");
        new Select(browser.find(By.id("flag-type"))).selectByValue("LIVING_ALONE");
        browser.type("subjectName", name);
        click(By.cssSelector("input[name=subjectSex][value=MALE] + span"));
        browser.type("subjectAgeYears", "6");
        browser.type("guardianContact", GUARDIAN_CONTACT);
        browser.type("description", FLAG_DESCRIPTION);
        browser.type("observedPlace", "孩子家中");
        shoot("casework-journey-1-flag-form");
        click(By.cssSelector("form.flag-form button[type=submit]"));
        browser.waitForText(By.cssSelector(".notice.success"), "已提交上报");
        assertThat(browser.find(By.cssSelector("h1 .risk")).getAttribute("class"))
                .contains("risk-red");
        String flagUrl = browser.driver().getCurrentUrl();
        String flagPath = path(flagUrl);
        assertThat(flagPath).matches("/flags/[0-9a-f-]{36}");

        // 2. the station: the flag is in the red group at the top of its queue
        browser.login("station-guyang");
        click(By.cssSelector("nav.main-nav a[href='/flags']"));
        browser.waitForText(By.tagName("h1"), "风险上报处理");
        List<WebElement> items = browser.driver().findElements(By.cssSelector("ul.flag-list li"));
        int at = indexOf(items, flagPath);
        assertThat(at).as("the new flag is on the first page of the queue").isNotNegative();
        // older red flags (the demo's, other tests') come first; everything down to this one is red
        for (WebElement above : items.subList(0, at + 1)) {
            assertThat(above.findElement(By.cssSelector(".risk")).getAttribute("class"))
                    .contains("risk-red");
        }
        assertThat(items.get(at).getText()).contains(name, "独自居住", "待处理", "任庄");
        shoot("casework-journey-2-queue");
        click(By.cssSelector("ul.flag-list a[href='" + flagPath + "']"));
        browser.waitForText(By.id("flag-reporter"), DIRECTOR_NAME);

        // 3. a red flag is reported to the police the same day: recorded on the flag page
        browser.waitForText(By.id("mr-heading"), "报案登记");
        LocalDateTime now = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES);
        browser.set("reportedAt", now.minusMinutes(20).toString());
        browser.type("receivingUnit", "兰考县公安局固阳派出所");
        browser.type("officer", "赵警官");
        browser.type("receiptNumber", "LK-110-0098");
        browser.set("civilAffairsNotifiedAt", now.minusMinutes(10).toString());
        browser.set("minorProtectionNotifiedAt", now.minusMinutes(5).toString());
        shoot("casework-journey-3-police-report");
        click(By.cssSelector("form.report-form button[type=submit]"));
        browser.waitForText(By.cssSelector(".notice.success"), "已登记报案情况");
        assertThat(browser.find(By.id("mandatory-report")).getText())
                .contains("已登记向公安机关报案的情况", "兰考县公安局固阳派出所", "LK-110-0098", "赵警官");

        // 4. choosing to open a case asks for the registry child (the triage form shows only the parts
        // of the chosen outcome); the child is registered through the flag's link, a prefilled form
        String flagWindow = browser.driver().getWindowHandle();
        click(By.cssSelector("input[name=outcome][value=CASE_OPENED] + span"));
        click(By.id("flag-register-child"));
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(ExpectedConditions.numberOfWindowsToBe(2));
        String formWindow = browser.driver().getWindowHandles().stream()
                .filter(h -> !h.equals(flagWindow))
                .findFirst()
                .orElseThrow();
        browser.driver().switchTo().window(formWindow);
        assertThat(browser.find(By.name("fullName")).getAttribute("value")).isEqualTo(name);
        assertThat(browser.waitFor(By.name("sex")).getAttribute("value")).isEqualTo("MALE");
        assertThat(browser.waitFor(By.name("residenceRegionCode")).getAttribute("value"))
                .isEqualTo("410225101201");
        LocalDate born = LocalDate.now().minusYears(6).minusDays(40);
        browser.set("birthDate", born.toString());
        browser.type("idNumber", TestPeople.maleIdNumber(born));
        browser.set("child.fatherStatus", "WORKING_AWAY");
        browser.set("child.motherStatus", "WORKING_AWAY");
        browser.set("category.type", "LEFT_BEHIND_CHILD");
        browser.set("category.validFrom", LocalDate.now().toString());
        browser.set("category.source", "ALERT");
        click(By.cssSelector("form.client-form button[type=submit]"));
        browser.waitForText(By.tagName("h1"), name);
        browser.find(By.id("id-number"));
        shoot("casework-journey-4-registered");
        browser.driver().close();
        browser.driver().switchTo().window(flagWindow);

        // 5. back on the flag (reloaded): a case is opened for the registered child ("立案")
        browser.driver().get(flagUrl);
        click(By.cssSelector("input[name=outcome][value=CASE_OPENED] + span"));
        Select child = new Select(browser.find(By.cssSelector("form.triage-form select[name=clientId]")));
        WebElement registered = child.getOptions().stream()
                .filter(o -> o.getText().startsWith(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the registered child is offered for triage"));
        child.selectByValue(registered.getAttribute("value"));
        browser.find(By.cssSelector("form.triage-form textarea[name=reason]")).sendKeys("孩子无人照料，立即立案");
        shoot("casework-journey-5-triage");
        click(By.cssSelector("form.triage-form button[type=submit]"));
        browser.waitForText(By.cssSelector(".notice.success"), "已立案");
        String workspace = browser.driver().getCurrentUrl();
        assertThat(path(workspace)).matches("/cases/[0-9a-f-]{36}");
        browser.waitForText(By.cssSelector(".case-meta"), "线索");
        assertThat(browser.bodyText()).contains(name, "村级预警");

        // 6. taken in with the guardian's consent
        click(By.cssSelector("button[data-step=SCREEN]"));
        browser.waitForText(By.cssSelector(".case-meta"), "筛查中");
        click(By.cssSelector("details[data-step=ADMIT] > summary"));
        browser.set("intakeBasis", "GUARDIAN_CONSENT");
        browser.find(By.cssSelector("details[data-step=ADMIT] textarea[name=reason]"))
                .sendKeys("爷爷电话同意接案");
        click(By.cssSelector("details[data-step=ADMIT] button[type=submit]"));
        browser.waitForText(By.cssSelector(".case-meta"), "已接案");
        shoot("casework-journey-6-case");

        // 7. referred to 妇联 from the case's referral section
        click(By.id("refer"));
        browser.waitForText(By.tagName("h1"), "发起转介");
        Select receiver = new Select(browser.find(By.name("receivingOrganisationId")));
        receiver.selectByVisibleText("兰考县妇女联合会");
        browser.type("reason", "孩子长期无人照看，需要妇联儿童之家课后照护");
        browser.type("servicesRequested", "课后照护；亲情陪伴");
        click(By.cssSelector("input[name=urgency][value=URGENT]"));
        click(By.cssSelector("input[name=consentBasis][value=GUARDIAN_CONSENT]"));
        browser.type("consentedBy", "孩子爷爷");
        // the default share: name, sex, age and village only
        assertThat(checkedSharedFields()).containsExactlyInAnyOrder("NAME", "SEX", "AGE", "VILLAGE");
        shoot("casework-journey-7-referral-form");
        click(By.id("send-referral"));
        browser.waitForText(By.cssSelector(".notice.success"), "已发送转介");
        browser.waitForText(By.id("referral-status"), "待接收");
        String referralPath = path(browser.driver().getCurrentUrl());
        assertThat(referralPath).matches("/referrals/[0-9a-f-]{36}");

        // 8. 妇联's liaison: the referral is in the inbox, with only the shared fields, no reporter
        browser.login("liaison-fulian");
        browser.open("/referrals");
        browser.waitForText(By.tagName("h1"), "转介收件箱");
        WebElement row = browser.find(By.cssSelector("table.referrals a[href='" + referralPath + "']"))
                .findElement(By.xpath("ancestor::tr"));
        assertThat(row.getText()).contains(name, "待接收", "紧急");
        shoot("casework-journey-8-inbox");
        click(By.cssSelector("table.referrals a[href='" + referralPath + "']"));
        browser.waitForText(By.id("referral-status"), "待接收");
        List<String> shared = browser.driver().findElements(By.cssSelector("#shared dd[data-field]")).stream()
                .map(dd -> dd.getAttribute("data-field"))
                .toList();
        assertThat(shared).containsExactlyInAnyOrder("NAME", "SEX", "AGE", "VILLAGE");
        assertThat(browser.find(By.id("shared")).getText()).contains(name, "任庄");
        assertNothingOfTheFlagOrItsReporter();
        shoot("casework-journey-8-received");
        click(By.cssSelector("button[data-step=accept]"));
        browser.waitForText(By.cssSelector(".notice.success"), "已接收转介");
        browser.waitForText(By.id("referral-status"), "已接收");
        click(By.cssSelector("details[data-step=progress] > summary"));
        browser.find(By.cssSelector("details[data-step=progress] textarea[name=text]"))
                .sendKeys("已联系村妇联主席上门了解情况");
        click(By.cssSelector("details[data-step=progress] button[type=submit]"));
        browser.waitForText(By.id("progress"), "已联系村妇联主席上门了解情况");
        browser.waitForText(By.id("referral-status"), "服务中");
        click(By.cssSelector("details[data-step=complete] > summary"));
        click(By.cssSelector("details[data-step=complete] input[name=result][value=PROVIDED]"));
        browser.find(By.cssSelector("details[data-step=complete] textarea[name=text]"))
                .sendKeys(OUTCOME);
        click(By.cssSelector("details[data-step=complete] button[type=submit]"));
        browser.waitForText(By.cssSelector(".notice.success"), "已办结");
        browser.waitForText(By.id("referral-status"), "已办结");
        assertThat(browser.find(By.id("outcome")).getText()).contains(OUTCOME);
        assertNothingOfTheFlagOrItsReporter();
        shoot("casework-journey-8-completed");

        // 9. the station sees the outcome on the case
        browser.login("station-guyang");
        browser.driver().get(workspace);
        browser.waitForText(By.id("referrals"), "已办结");
        WebElement onCase = browser.find(By.cssSelector("#referrals li"));
        assertThat(onCase.getText()).contains("兰考县妇女联合会", "已办结", OUTCOME);
        shoot("casework-journey-9-outcome-on-case");

        // 10. the director: the flag led to a case, and a notification says so
        browser.login(DIRECTOR);
        browser.open("/flags/mine");
        WebElement mine = browser.find(By.cssSelector("ul.flag-list a[href='" + flagPath + "']"))
                .findElement(By.xpath("ancestor::li"));
        assertThat(mine.getText()).contains(name, "已处理", "已立案");
        assertThat(browser.find(By.cssSelector("a.bell .bell-count")).getText()).matches("[1-9][0-9]*\\+?");
        shoot("casework-journey-10-my-flags");
        click(By.cssSelector("a.bell"));
        browser.waitForText(By.tagName("h1"), "通知");
        // the newest first: the triage of this flag
        WebElement notice = browser.find(By.cssSelector("ul.notifications li.unread .notification-text"));
        assertThat(notice.getText()).contains("风险上报已研判", "已立案");
        shoot("casework-journey-10-notifications");
        click(By.cssSelector("ul.notifications li.unread button.linklike"));
        browser.waitForText(By.cssSelector(".case-meta"), "已立案");
        assertThat(path(browser.driver().getCurrentUrl())).isEqualTo(flagPath);
        // the reporter is told what happened, not the station's view
        assertThat(browser.driver().findElements(By.id("flag-outcome-case"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("mandatory-report"))).isEmpty();

        // 11. another village's director gets the not-found page for the flag's address
        browser.login("director-caozhai");
        browser.driver().get(flagUrl);
        browser.waitForText(By.cssSelector(".error-code"), "404");
        assertThat(browser.bodyText()).contains("找不到").doesNotContain(name, FLAG_DESCRIPTION);
        shoot("casework-journey-11-not-found");
    }

    /** The liaison's page shows neither the reporter, nor the flag, nor fields that were not shared. */
    private void assertNothingOfTheFlagOrItsReporter() {
        String page = browser.driver().getPageSource();
        assertThat(browser.bodyText()).doesNotContain(DIRECTOR_NAME, DIRECTOR, FLAG_DESCRIPTION, "13911112222", "风险上报");
        assertThat(page).doesNotContain(DIRECTOR_NAME, DIRECTOR, "/flags/", "/cases/");
    }

    private List<String> checkedSharedFields() {
        return browser.driver().findElements(By.cssSelector("input[name=sharedFields]")).stream()
                .filter(WebElement::isSelected)
                .map(i -> i.getAttribute("value"))
                .toList();
    }

    /** The position in the queue of the flag with this address, or -1. */
    private static int indexOf(List<WebElement> items, String flagPath) {
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i)
                    .findElements(By.cssSelector("a[href='" + flagPath + "']"))
                    .isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    /** Clicks an element scrolled to the middle of the screen (sticky bars cover the edges). */
    private void click(By by) {
        WebElement element = browser.waitFor(by);
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** The whole page at desktop width (the visible screen would cut the long pages). */
    private void shoot(String name) {
        var driver = browser.driver();
        Number height =
                (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        1280,
                        "height",
                        Math.max(900, height.intValue()),
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        false));
        browser.screenshot(name);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
