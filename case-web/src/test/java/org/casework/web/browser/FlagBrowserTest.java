package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.casework.core.flags.FlagService;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A village child director raises a flag on a small phone, and the station finds it among the red
 * flags at the top of its queue. A focused journey: the full one across referrals is elsewhere.
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
        // a phone camera's picture is larger than the server takes: the page shrinks it before sending
        browser.waitFor(By.id("flag-photo")).sendKeys(largePhoto().toString());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.findElement(By.id("flag-photo-status")).isDisplayed()
                        && d.findElement(By.id("flag-photo")).getAttribute("data-shrinking") == null);
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
        // the top of the queue is red: older red flags (the demo's, other tests') first, then this one
        java.util.List<WebElement> items = browser.driver().findElements(By.cssSelector("ul.flag-list li"));
        int at = 0;
        while (at < items.size() && !items.get(at).getText().contains(name)) {
            at++;
        }
        assertThat(at).as("the new flag is in the queue").isLessThan(items.size());
        for (WebElement above : items.subList(0, at + 1)) {
            assertThat(above.findElement(By.cssSelector(".risk")).getAttribute("class"))
                    .contains("risk-red");
        }
        WebElement mine = items.get(at);
        assertThat(mine.getText()).contains(name, "独自居住", "任庄");
        browser.screenshot("casework-flag-queue");
        mine.findElement(By.cssSelector("a.strong")).click();
        browser.waitForText(By.tagName("h1"), "独自居住");
        assertThat(browser.bodyText()).contains("上报人信息保密", "任秀兰", name);
        WebElement photo = browser.find(By.cssSelector("img.flag-photo"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d ->
                        ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth;", photo))
                                        .intValue()
                                > 0);
        browser.screenshot("casework-flag-staff");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('triage').scrollIntoView();");
        browser.screenshot("casework-flag-triage");
    }

    /** A noisy 3000×2000 PNG of about 18 MB, like a camera picture that does not compress well. */
    private static Path largePhoto() {
        try {
            Path file = Files.createTempFile("casework-photo", ".png");
            BufferedImage image = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(42);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            ImageIO.write(image, "png", file.toFile());
            assertThat(Files.size(file)).isGreaterThan(FlagService.PHOTO_MAX_BYTES);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
