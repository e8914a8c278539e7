package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.web.browser.PwaOfflineJourneyBrowserTest.bytes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ClientInput.ChildProfileInput;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Registry;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The offline app's other journeys: a conflict, a slow 2G link, a small phone, a revoked phone. */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PwaAppBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Registry registry;

    @BeforeAll
    void connect() {
        api = new Api(port);
        registry = new Registry(api);
    }

    private UserBuilder newDirector() {
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(director);
        return director;
    }

    @Test
    void theSameGuardianPhoneEditedOfflineAndOnTheWebIsAConflictTheStationResolves() {
        UserBuilder director = newDirector();
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        UUID childId = registry.registerId(DemoUsers.STATION_GUYANG, child);

        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            phone.open();
            phone.login(director.username(), director.password());
            phone.offline();
            phone.openChild(child.fullName());
            phone.click(By.id("go-edit"));
            WebElement guardianPhone = phone.browser().find(By.id("edit-guardianPhone"));
            guardianPhone.clear();
            guardianPhone.sendKeys("13911112222");
            phone.browser().find(By.id("edit-save")).click();
            // shown masked, dialled in full
            phone.browser().waitFor(By.cssSelector("#guardian-call[href='tel:13911112222']"));
            assertThat(phone.textOf(By.id("guardian-phone")))
                    .contains("139****2222")
                    .doesNotContain("13911112222");

            // meanwhile the station corrects the same number on the web
            String token = api.tokenFor(DemoUsers.STATION_GUYANG);
            Api.Response current = api.get("/api/v1/clients/" + childId, token);
            Api.Response corrected = api.put(
                    "/api/v1/clients/" + childId,
                    withGuardianPhone(child.build(), "13733334444"),
                    token,
                    current.header("ETag"));
            assertThat(corrected.status()).as(corrected.raw().body()).isEqualTo(200);

            phone.online();
            phone.syncNow();
            // the phone shows the conflict and, as the server kept its value, the station's number
            assertThat(phone.textOf(By.cssSelector("#sync-items li[data-state=CONFLICT]")))
                    .contains(child.fullName());
            phone.openChild(child.fullName());
            // shown masked, dialled in full
            phone.browser().waitFor(By.cssSelector("#guardian-call[href='tel:13733334444']"));
            assertThat(phone.textOf(By.id("guardian-phone")))
                    .contains("137****4444")
                    .doesNotContain("13733334444");
        }

        try (Browser station = new Browser(port)) {
            station.login(DemoUsers.STATION_GUYANG);
            station.open("/sync/conflicts");
            WebElement row = station.find(
                    By.xpath("//tr[contains(@class,'sync-conflict')][.//a[text()='" + child.fullName() + "']]"));
            assertThat(row.getText()).contains("13911112222").contains("13733334444");
            row.findElement(By.cssSelector("button[value=TAKE_DEVICE]")).click();
            station.waitFor(By.cssSelector(".notice, .flash, [role=status]"));
        }
        assertThat(jdbc.queryForObject(
                        "SELECT resolution FROM sync_issue WHERE client_id = ? AND field_name = 'guardianPhone'",
                        String.class,
                        bytes(childId)))
                .isEqualTo("TAKE_DEVICE");
    }

    @Test
    void aSlow2gLinkCompletesTheSync() {
        UserBuilder director = newDirector();
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        UUID childId = registry.registerId(DemoUsers.STATION_GUYANG, child);

        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            phone.open();
            phone.login(director.username(), director.password());
            phone.offline();
            phone.openChild(child.fullName());
            phone.logVisit("2G 走访一", 30);
            phone.logVisit("2G 走访二", 45);

            phone.slow2g(64, 32, 600);
            long started = System.nanoTime();
            phone.syncNow();
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            // the emulated latency applied to the sync's own requests (not only to the page)
            assertThat(millis).isGreaterThanOrEqualTo(600);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM service_record WHERE client_id = ?", Integer.class, bytes(childId)))
                .isEqualTo(2);
    }

    @Test
    void onAPhoneNothingOverflowsAndAMandatoryReportSaysCallThePolice() {
        UserBuilder director = newDirector();
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        registry.registerId(DemoUsers.STATION_GUYANG, child);

        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            phone.open();
            assertThat(phone.browser().horizontalOverflow()).isLessThanOrEqualTo(PwaPhone.WIDTH);
            assertThat(phone.browser().find(By.tagName("h1")).getText()).isEqualTo("登录");
            phone.login(director.username(), director.password());
            assertThat(phone.browser().horizontalOverflow()).isLessThanOrEqualTo(PwaPhone.WIDTH);
            phone.waitForOfflineShell();
            // Chrome finds nothing that keeps the app from being installed (manifest, icons, worker)
            Map<String, Object> installability =
                    phone.browser().driver().executeCdpCommand("Page.getInstallabilityErrors", Map.of());
            assertThat((List<?>) installability.get("installabilityErrors")).isEmpty();
            phone.browser().screenshot("casework-pwa-home");

            phone.openChild(child.fullName());
            assertThat(phone.browser().horizontalOverflow()).isLessThanOrEqualTo(PwaPhone.WIDTH);
            phone.browser().screenshot("casework-pwa-child");
            phone.browser().find(By.id("go-visit")).click();
            phone.browser().find(By.id("visit-form"));
            assertThat(phone.browser().horizontalOverflow()).isLessThanOrEqualTo(PwaPhone.WIDTH);

            phone.go("#/flag");
            WebElement police = phone.browser().waitFor(By.id("flag-police"));
            assertThat(police.isDisplayed()).isFalse();
            phone.chooseFlagType("MR_ABANDONMENT_NO_CARE");
            assertThat(police.isDisplayed()).isTrue();
            assertThat(police.getText()).contains("110").contains("12355");
            assertThat(police.findElement(By.cssSelector("a[href='tel:110']")).isDisplayed())
                    .isTrue();
            // preset to the type's severity; a mandatory report cannot be lowered
            Select severity = new Select(phone.browser().find(By.id("flag-severity")));
            assertThat(severity.getFirstSelectedOption().getAttribute("value")).isEqualTo("RED");
            assertThat(phone.browser()
                            .find(By.cssSelector("#flag-severity option[value=GREEN]"))
                            .isEnabled())
                    .isFalse();
            phone.browser().screenshot("casework-pwa-flag-police");
            assertThat(phone.browser().horizontalOverflow()).isLessThanOrEqualTo(PwaPhone.WIDTH);
            phone.chooseFlagType("LIVING_ALONE");
            assertThat(police.isDisplayed()).isFalse();

            assertThat(phone.browser().find(By.id("view")).getText())
                    .doesNotContain("null")
                    .doesNotContain("undefined");
            for (String screen : List.of("#/register", "#/flags", "#/sync", "#/home")) {
                phone.go(screen);
                phone.browser().find(By.tagName("h1"));
                phone.browser().screenshot("casework-pwa-" + screen.substring(2));
                assertThat(phone.browser().find(By.id("view")).getText())
                        .as(screen)
                        .doesNotContain("null")
                        .doesNotContain("undefined");
                assertThat(phone.browser().horizontalOverflow()).as(screen).isLessThanOrEqualTo(PwaPhone.WIDTH);
            }

            // English on demand
            phone.browser().find(By.id("lang")).click();
            phone.browser().waitForText(By.tagName("h1"), "Visits to make");
            assertThat(phone.browser().horizontalOverflow()).isLessThanOrEqualTo(PwaPhone.WIDTH);
        }
    }

    @Test
    void aRefusedRegistrationIsFixedAndResubmittedAndMyFlagsShowWhatTheStationDid() {
        UserBuilder director = newDirector();
        String name = TestData.uniqueName();
        String subject = TestData.uniqueName();

        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            phone.open();
            phone.login(director.username(), director.password());
            phone.offline();

            // a new child with an ID number the phone cannot check, and a flag about a child not on the list
            phone.go("#/register");
            phone.browser().find(By.id("reg-name")).sendKeys(name);
            phone.browser().set("birthDate", TestData.today().minusYears(9).toString());
            phone.browser().find(By.id("reg-id")).sendKeys("410225201701011234");
            phone.browser().find(By.id("reg-guardian")).sendKeys("聂桂兰");
            phone.browser().find(By.id("reg-save")).click();
            phone.browser().find(By.id("client-list"));

            phone.go("#/flag");
            phone.chooseFlagType("LIVING_ALONE");
            phone.browser().find(By.id("flag-subject")).sendKeys(subject);
            phone.browser().find(By.id("flag-age")).sendKeys("7");
            phone.browser().find(By.id("flag-save")).click();
            // the phone asks for what the server would refuse without
            assertThat(phone.browser().find(By.id("form-error")).getText()).contains("描述");
            phone.browser().find(By.id("flag-description")).sendKeys("大人都不在家");
            phone.browser().find(By.id("flag-save")).click();
            phone.browser().waitFor(By.id("my-flags"));
            assertThat(phone.browser().find(By.id("my-flags")).getText())
                    .contains(subject)
                    .contains("尚未发送");

            phone.online();
            phone.syncNow();
            // the server refused the made-up ID number: the sync screen says so and why
            assertThat(phone.textOf(By.cssSelector("#sync-items li[data-type=client][data-state=REJECTED]")))
                    .contains(name);
            assertThat(phone.textOf(By.cssSelector("#sync-items li[data-type=client][data-state=REJECTED] .reason")))
                    .isNotBlank();
            phone.click(By.cssSelector("#sync-items li[data-type=client][data-state=REJECTED] a.button"));

            // fixed: no ID number, the reason why; resubmitted as a new mutation
            assertThat(phone.browser().find(By.id("reg-name")).getAttribute("value"))
                    .isEqualTo(name);
            phone.browser().find(By.id("reg-noid")).sendKeys("未落户");
            phone.browser().find(By.id("reg-save")).click();
            phone.browser().find(By.id("sync-pending"));
            phone.syncNow();
            assertThat(phone.textOf(By.id("sync-clear"))).isNotBlank();

            // the station dismisses the flag; the next sync shows it on the phone
            String reporter = api.tokenFor(director.username(), director.password());
            JsonNode flag = api.get("/api/v1/flags?view=MINE", reporter)
                    .body()
                    .get("items")
                    .get(0);
            Api.Response triaged = api.post(
                    "/api/v1/flags/" + flag.get("id").asString() + "/triage",
                    Map.of("outcome", "DISMISSED", "reason", "祖父母已回家照顾"),
                    api.tokenFor(DemoUsers.STATION_GUYANG),
                    "\"" + flag.get("version").asLong() + "\"");
            assertThat(triaged.status()).as(triaged.raw().body()).isEqualTo(200);
            phone.syncNow();
            phone.go("#/flags");
            assertThat(phone.textOf(By.id("my-flags")))
                    .contains(subject)
                    .contains("不予处理")
                    .contains("祖父母已回家照顾");
        }
        Api.Response found = api.get(
                "/api/v1/clients?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8),
                api.tokenFor(DemoUsers.STATION_GUYANG));
        assertThat(found.body().get("items")).hasSize(1);
    }

    @Test
    void aRevokedPhoneSaysItsDataWasWiped() {
        UserBuilder director = newDirector();
        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            phone.open();
            phone.login(director.username(), director.password());

            String admin = api.tokenFor(DemoUsers.ADMIN);
            JsonNode device = null;
            for (JsonNode d : api.get("/api/v1/devices", admin).body()) {
                if (d.get("username").asString().equals(director.username())) {
                    device = d;
                }
            }
            assertThat(device).isNotNull();
            assertThat(device.get("platform").asString()).isEqualTo("pwa");
            assertThat(api.post(
                                    "/api/v1/devices/" + device.get("id").asString() + "/revoke",
                                    Map.of("reason", "丢失"),
                                    admin)
                            .status())
                    .isEqualTo(200);

            phone.go("#/sync");
            phone.browser().find(By.id("sync-now")).click();
            WebElement wiped = phone.browser().find(By.id("wiped"));
            assertThat(wiped.getText()).contains("已全部清除");
            // the phone starts over as a new device: the first-login screen, nothing of the village left
            wiped.findElement(By.tagName("button")).click();
            phone.browser().find(By.id("login-device"));
            assertThat(phone.browser().bodyText()).contains("第一次使用需要联网登录");
        }
    }

    private static ClientInput withGuardianPhone(ClientInput in, String phone) {
        ChildProfileInput c = in.child();
        return new ClientInput(
                in.fullName(),
                in.sex(),
                in.birthDate(),
                in.ethnicity(),
                in.idNumber(),
                in.noIdReason(),
                in.phone(),
                in.hukouRegionCode(),
                in.residenceRegionCode(),
                in.address(),
                in.householdId(),
                in.relationToHead(),
                new ChildProfileInput(
                        c.fatherStatus(),
                        c.fatherWorkplace(),
                        c.motherStatus(),
                        c.motherWorkplace(),
                        c.guardianName(),
                        c.guardianRelation(),
                        phone,
                        c.carerName(),
                        c.carerRelation(),
                        c.carerPhone(),
                        c.school(),
                        c.lastParentContact()),
                in.elderly(),
                in.categories(),
                in.duplicateOverrideReason());
    }
}
