package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.casework.core.clients.ChineseName;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientRepository;
import org.casework.it.IntegrationTest;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The main station journeys in a real browser, against the whole server and the demo county. */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationJourneysBrowserTest {

    private static final String RENZHUANG = "410225101201";
    private static final String CAOZHAI = "410225101202";

    @LocalServerPort
    int port;

    @Autowired
    ClientRepository clientRepository;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void desktopWidth() {
        browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    @Test
    void loginShowsChineseAndTheLanguageCanBeSwitched() {
        browser.login("station-guyang");
        assertThat(browser.bodyText()).contains("您好", "服务对象", "退出", "兰考县 堌阳镇");

        browser.find(By.cssSelector("nav.lang a[lang=en]")).click();
        browser.waitForText(By.tagName("h1"), "Hello");
        assertThat(browser.bodyText()).contains("Find a client", "Log out").doesNotContain("退出");

        browser.find(By.cssSelector("nav.lang a[lang=zh-CN]")).click();
        browser.waitForText(By.tagName("h1"), "您好");
        assertThat(browser.bodyText()).contains("退出");
    }

    @Test
    void aWrongCheckDigitIsShownInlineAndNothingIsSaved() {
        browser.login("station-guyang");
        String name = TestPeople.uniqueName();
        LocalDate born = TestPeople.childBirthDate();

        fillRegistration(name, born, TestPeople.withWrongCheckDigit(TestPeople.maleIdNumber(born)));
        browser.find(By.cssSelector("form.client-form button[type=submit]")).click();

        String error = browser.find(By.cssSelector(".has-error .field-error")).getText();
        browser.screenshot("casework-register-error");
        assertThat(error).contains("校验位");
        // the entered name is still in the form
        assertThat(browser.find(By.name("fullName")).getAttribute("value")).isEqualTo(name);

        browser.open("/clients?q=" + name);
        browser.waitForText(By.id("results"), "没有找到");
    }

    @Test
    void aValidChildIsRegisteredAndShownWithAMaskedId() {
        browser.login("station-guyang");
        String name = TestPeople.uniqueName();
        String id = register(name);

        browser.waitForText(By.tagName("h1"), name);
        String shown = browser.find(By.id("id-number")).getText();
        assertThat(shown)
                .isEqualTo(id.substring(0, 4) + "**********" + id.substring(14))
                .doesNotContain(id.substring(6, 14));
    }

    @Test
    void aRegisteredChildIsFoundByPinyinInitials() {
        browser.login("station-guyang");
        String name = TestPeople.uniqueName();
        register(name);
        browser.waitForText(By.tagName("h1"), name);

        browser.open("/clients");
        browser.type("q", ChineseName.initials(name));
        // live search (htmx) or the plain form: either way the results show the child
        browser.find(By.cssSelector("form.search-form button[type=submit]")).click();
        browser.waitForText(By.id("results"), name);
        browser.find(By.linkText(name)).click();
        browser.waitForText(By.tagName("h1"), name);
    }

    @Test
    void aVillageDirectorCannotOpenAClientOfAnotherVillage() {
        Client other = clientRepository.findAll().stream()
                .filter(c -> c.getResidenceRegionCode().equals(CAOZHAI))
                .findFirst()
                .orElseThrow();
        browser.login("director-renzhuang");

        browser.open("/clients/" + other.getId());

        browser.waitForText(By.cssSelector(".error-code"), "404");
        assertThat(browser.bodyText()).contains("找不到").doesNotContain(other.getFullName());
    }

    @Test
    void theClientSearchFitsAPhoneScreen() {
        browser.phoneWidth();
        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.find(By.name("username"));
        browser.screenshot("casework-login-375");
        assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(376);

        browser.login("station-guyang");
        browser.open("/clients");
        browser.find(By.cssSelector("#results table"));
        browser.screenshot("casework-clients-375");
        assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(376);

        browser.find(By.cssSelector("#results tbody a")).click();
        browser.find(By.id("id-number"));
        browser.screenshot("casework-client-375");
        assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(376);
    }

    /** Registers a left-behind boy in 任庄村 and returns his ID number. */
    private String register(String name) {
        LocalDate born = TestPeople.childBirthDate();
        String id = TestPeople.maleIdNumber(born);
        fillRegistration(name, born, id);
        browser.set("category.type", "LEFT_BEHIND_CHILD");
        browser.set("category.validFrom", LocalDate.now().toString());
        browser.set("category.source", "OUTREACH");
        browser.find(By.cssSelector("form.client-form button[type=submit]")).click();
        browser.find(By.id("id-number"));
        return id;
    }

    private void fillRegistration(String name, LocalDate born, String idNumber) {
        browser.open("/clients/new");
        browser.type("fullName", name);
        browser.set("sex", "MALE");
        browser.set("birthDate", born.toString());
        browser.type("idNumber", idNumber);
        browser.set("residenceRegionCode", RENZHUANG);
        browser.set("child.fatherStatus", "WORKING_AWAY");
        browser.set("child.motherStatus", "WORKING_AWAY");
    }
}
