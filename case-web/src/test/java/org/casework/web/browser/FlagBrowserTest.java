package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.casework.it.IntegrationTest;
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

/**
 * A village child director raises a flag on a small phone, and the station finds it at the top of
 * its queue. A focused journey: the full one across referrals is elsewhere.
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlagBrowserTest {

    private static final int PHONE_WIDTH = 360;

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
    void aDirectorFlagsAChildLivingAloneOnAPhoneAndTheStationSeesItFirst() {
        browser.login("director-renzhuang");
        browser.driver()
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", PHONE_WIDTH, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        browser.open("/flags/mine");
        browser.find(By.cssSelector("main a.button[href='/flags/new']")).click();
        browser.waitForText(By.tagName("h1"), "风险上报");
        assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(PHONE_WIDTH);

        String name = TestPeople.uniqueName();
        Select type = new Select(browser.find(By.id("flag-type")));
        WebElement police = browser.waitFor(By.id("flag-call-police"));
        assertThat(police.isDisplayed()).isFalse();
        // a mandatory-report situation shows the call-the-police instruction at once
        type.selectByValue("MR_ABANDONMENT_NO_CARE");
        assertThat(police.isDisplayed()).isTrue();
        assertThat(police.getText()).contains("110");
        browser.screenshot("casework-flag-police");
        type.selectByValue("LIVING_ALONE");
        assertThat(police.isDisplayed()).isFalse();

        browser.type("subjectName", name);
        browser.find(By.cssSelector("input[name=subjectSex][value=FEMALE] + span"))
                .click();
        browser.type("subjectAgeYears", "8");
        browser.type("guardianContact", "奶奶 13800001111");
        // a director has one village: it is chosen already
        assertThat(new Select(browser.find(By.name("villageCode")))
                        .getFirstSelectedOption()
                        .getText())
                .contains("任庄");
        browser.type("description", "父母在外打工，奶奶住院，孩子一个人在家两天了");
        browser.type("observedPlace", "孩子家中");
        assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(PHONE_WIDTH);
        browser.screenshot("casework-flag-form");
        browser.find(By.cssSelector("form.flag-form button[type=submit]")).click();

        browser.waitForText(By.cssSelector(".notice.success"), "已提交上报");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("独自居住");
        assertThat(browser.find(By.cssSelector("h1 .risk")).getAttribute("class"))
                .contains("risk-red");
        assertThat(browser.bodyText()).contains(name, "待处理").doesNotContain("上报人信息保密");
        assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(PHONE_WIDTH);
        browser.screenshot("casework-flag-sent");

        browser.open("/flags/mine");
        browser.waitForText(By.cssSelector("ul.flag-list"), name);
        assertThat(browser.find(By.cssSelector("ul.flag-list li")).getText()).contains(name, "待处理");
        assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(PHONE_WIDTH);

        browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.login("station-guyang");
        browser.find(By.cssSelector("nav.main-nav a[href='/flags']")).click();
        browser.waitForText(By.tagName("h1"), "风险上报处理");
        WebElement first = browser.find(By.cssSelector("ul.flag-list li"));
        assertThat(first.getText()).contains(name, "独自居住", "任庄");
        assertThat(first.findElement(By.cssSelector(".risk")).getAttribute("class"))
                .contains("risk-red");
        browser.screenshot("casework-flag-queue");
        first.findElement(By.cssSelector("a.strong")).click();
        browser.waitForText(By.tagName("h1"), "独自居住");
        assertThat(browser.bodyText()).contains("上报人信息保密", "任秀兰", name);
        browser.screenshot("casework-flag-staff");
    }
}
