package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.web.browser.PwaOfflineJourneyBrowserTest.bytes;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.core.clients.ChineseName;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Registry;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15's phone journeys at 360 px: the self-updating shell, the task list, the visit form's
 * explicit answers and its offer to report, the next visit moved offline, the offline red flag.
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PwaPhoneUxBrowserTest {

    private static final Pattern VERSION = Pattern.compile("const VERSION = '(casework-m-[0-9a-f]{12})';");

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

    /** The date on the phone (Chromium runs in this JVM's time zone). */
    private static LocalDate phoneToday() {
        return LocalDate.now();
    }

    private void dueOn(UUID clientId, LocalDate date) {
        int updated = jdbc.update(
                "UPDATE visit_schedule SET next_due_on = ?, refreshed_at = ? WHERE client_id = ?",
                date,
                java.sql.Timestamp.from(Instant.now()),
                bytes(clientId));
        assertThat(updated).isEqualTo(1);
    }

    private String servedCacheName() {
        String script = api.get("/m/sw.js", null).raw().body();
        Matcher m = VERSION.matcher(script);
        assertThat(m.find()).as(script).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private List<String> cacheNames(PwaPhone phone) {
        return (List<String>) ((JavascriptExecutor) phone.browser().driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];" + " caches.keys().then(done, () => done([]));");
    }

    @Test
    void aChangedShellFileGivesANewCacheThatAnInstalledPhonePicksUpAtItsNextOnlineStart()
            throws IOException, URISyntaxException {
        UserBuilder director = newDirector();
        Path css = Path.of(getClass().getResource("/static/m/css/app.css").toURI());
        String original = Files.readString(css, StandardCharsets.UTF_8);
        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            phone.open();
            phone.login(director.username(), director.password());
            phone.waitForOfflineShell();
            String before = servedCacheName();
            assertThat(cacheNames(phone)).containsExactly(before);

            // a release changes one shell file: nobody bumps a constant
            Files.writeString(css, original + "\n/* release " + UUID.randomUUID() + " */\n", StandardCharsets.UTF_8);
            String after = servedCacheName();
            assertThat(after).isNotEqualTo(before);

            // the next online start: the new worker takes over, the page reloads into it and says so
            phone.browser().open("/m/");
            new WebDriverWait(phone.browser().driver(), Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector("body[data-updated=true]"))
                            .isEmpty());
            assertThat(phone.textOf(By.id("toast"))).contains("已更新到新版本");
            new WebDriverWait(phone.browser().driver(), Duration.ofSeconds(30))
                    .until(d -> cacheNames(phone).equals(List.of(after)));
        } finally {
            Files.writeString(css, original, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTaskListGroupsTheVisitsAndAVisitSavedOfflineMovesTheNextVisitAtOnce() {
        UserBuilder director =
                UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG).displayed("任庄村儿童主任 李娜");
        registry.createUser(director);
        ClientBuilder overdue = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        UUID overdueId = registry.registerId(DemoUsers.STATION_GUYANG, overdue);
        ClientBuilder dueToday = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        UUID dueTodayId = registry.registerId(DemoUsers.STATION_GUYANG, dueToday);
        ClientBuilder adult = ClientBuilder.aPerson().inVillage(Villages.RENZHUANG);
        registry.registerId(DemoUsers.STATION_GUYANG, adult);
        LocalDate today = phoneToday();
        dueOn(overdueId, today.minusDays(3));
        dueOn(dueTodayId, today);
        String level = jdbc.queryForObject(
                "SELECT visit_level FROM visit_schedule WHERE client_id = ?", String.class, bytes(overdueId));

        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            phone.open();
            phone.login(director.username(), director.password());
            phone.go("#/home");
            // greeted by the display name, not the login name
            assertThat(phone.textOf(By.id("greeting"))).contains("任庄村儿童主任 李娜").doesNotContain(director.username());
            // the footer names the user too, with the login they sign in with
            assertThat(phone.textOf(By.id("home-user"))).isEqualTo("当前用户：任庄村儿童主任 李娜 (" + director.username() + ")");
            assertThat(phone.textOf(By.id("tasks-overdue"))).contains("逾期").contains(overdue.fullName());
            assertThat(phone.textOf(By.id("tasks-today"))).contains("今天").contains(dueToday.fullName());
            assertThat(phone.textOf(By.id("tasks-overdue"))).doesNotContain(dueToday.fullName());
            assertThat(phone.textOf(By.id("tasks-week"))).contains("本周");
            assertThat(phone.browser().horizontalOverflow()).isLessThanOrEqualTo(PwaPhone.WIDTH);
            phone.browser().screenshot("casework-pwa-tasks");

            // the village list: the children, unless all clients are asked for; the heading says which
            assertThat((Boolean) phone.script("const r = document.getElementById('go-flag').getBoundingClientRect();"
                            + " return r.top > innerHeight * 0.75 && r.bottom <= innerHeight;"))
                    .as("the list's actions in reach of the thumb")
                    .isTrue();
            assertThat(phone.textOf(By.id("village-heading"))).startsWith("本村儿童");
            assertThat(phone.textOf(By.id("client-list")))
                    .contains(overdue.fullName())
                    .doesNotContain(adult.fullName());
            phone.click(By.id("toggle-all"));
            assertThat(phone.textOf(By.id("village-heading"))).startsWith("本村全部对象");
            assertThat(phone.textOf(By.id("client-list"))).contains(adult.fullName());

            // search by pinyin and by its initials, as on the web
            WebElement search = phone.browser().find(By.id("search"));
            for (String key :
                    List.of(ChineseName.fullPinyin(overdue.fullName()), ChineseName.initials(overdue.fullName()))) {
                search.clear();
                search.sendKeys(key);
                assertThat(phone.textOf(By.id("client-list"))).as(key).contains(overdue.fullName());
            }
            search.clear();
            search.sendKeys("qqqqqq");
            assertThat(phone.textOf(By.id("client-list"))).doesNotContain(overdue.fullName());
            search.clear();

            // offline, the task opens the visit form; nothing is pre-answered
            phone.offline();
            phone.go("#/home");
            phone.click(By.cssSelector("#tasks-overdue a.task[data-client='" + overdueId + "']"));
            phone.browser().find(By.id("visit-form"));
            assertThat(phone.browser().driver().findElements(By.cssSelector("#visit-form input[type=radio]:checked")))
                    .isEmpty();
            phone.browser().find(By.id("visit-notes")).sendKeys("情况正常");
            phone.browser().find(By.id("visit-save")).click();
            assertThat(phone.textOf(By.cssSelector("#form-error:not([hidden])")))
                    .contains("儿童在场");

            phone.browser().find(By.id("obs-child-yes")).click();
            phone.browser().find(By.id("obs-guardian-no")).click();
            WebElement save = phone.browser().find(By.id("visit-save"));
            // the save button stays on the screen of a long form
            assertThat((Boolean) phone.script(
                            "const r = arguments[0].getBoundingClientRect(); return r.bottom <= innerHeight && r.top >= 0;",
                            save))
                    .isTrue();
            save.click();
            phone.browser().waitForText(By.id("child-name"), overdue.fullName());

            LocalDate expected = today.plus(interval(level));
            assertThat(phone.browser().find(By.id("child-card")).getText()).contains(expected.toString());
            phone.go("#/home");
            assertThat(phone.textOf(By.id("tasks-overdue"))).doesNotContain(overdue.fullName());

            phone.online();
            phone.syncNow();
        }
        String observations = jdbc.queryForObject(
                "SELECT COUNT(*) FROM service_record WHERE client_id = ?", String.class, bytes(overdueId));
        assertThat(observations).isEqualTo("1");
    }

    private static Period interval(String level) {
        return switch (level) {
            case "RED", "ORANGE" -> Period.ofDays(7);
            case "YELLOW" -> Period.ofMonths(1);
            default -> Period.ofMonths(3);
        };
    }

    @Test
    void aVisitThatFindsAChildAloneOffersAReportFilledIn() {
        UserBuilder director = newDirector();
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        UUID childId = registry.registerId(DemoUsers.STATION_GUYANG, child);
        // the station called the family yesterday
        java.util.Map<String, Object> call = new java.util.HashMap<>();
        call.put("clientId", childId);
        call.put("type", "PHONE_CALL");
        call.put("occurredAt", Instant.now().minus(Duration.ofDays(1)).toString());
        call.put("durationMinutes", 10);
        call.put("notes", "站内备注不应出现在手机上");
        Api.Response posted = api.post("/api/v1/services", call, api.tokenFor(DemoUsers.STATION_GUYANG));
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(201);
        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            phone.open();
            phone.login(director.username(), director.password());
            phone.offline();
            phone.openChild(child.fullName());
            // the child card: the risk level, and the station's recent visit (date, type, who - no notes)
            String level = jdbc.queryForObject(
                    "SELECT visit_level FROM visit_schedule WHERE client_id = ?", String.class, bytes(childId));
            assertThat(phone.textOf(By.id("child-risk")))
                    .contains(java.util.Map.of("RED", "红色", "ORANGE", "橙色", "YELLOW", "黄色", "GREEN", "绿色")
                            .get(level));
            // the guardian's phone: masked, with a one-tap call
            String guardianPhone = child.build().child().guardianPhone();
            String shown = phone.textOf(By.id("guardian-phone"));
            assertThat(shown)
                    .doesNotContain(guardianPhone)
                    .contains(guardianPhone.substring(guardianPhone.length() - 4));
            assertThat(phone.browser().find(By.id("guardian-call")).getAttribute("href"))
                    .isEqualTo("tel:" + guardianPhone);
            // the primary actions sit in a bar at the bottom of the screen, also after scrolling
            phone.script("window.scrollTo(0, document.body.scrollHeight);");
            for (String action : List.of("go-visit", "go-flag-child")) {
                assertThat((Boolean) phone.script(
                                "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                                        + " return r.top > innerHeight * 0.75 && r.bottom <= innerHeight;",
                                action))
                        .as(action)
                        .isTrue();
            }
            String recent = phone.textOf(By.id("recent-visits"));
            assertThat(recent).contains("电话").doesNotContain("站内备注");
            // the child card may be redrawn by a sync at any moment: read and tap it through PwaPhone
            assertThat(phone.textOf(By.id("view"))).doesNotContain("站内备注");
            phone.click(By.id("go-visit"));
            phone.browser().find(By.id("visit-form"));
            WebElement offer = phone.browser().driver().findElement(By.id("visit-risk"));
            assertThat(offer.isDisplayed()).isFalse();
            new Select(phone.browser().find(By.id("obs-living"))).selectByValue("POOR");
            assertThat(offer.isDisplayed()).isTrue();
            assertThat(offer.getText()).contains("要上报风险吗？");
            new Select(phone.browser().find(By.id("obs-living"))).selectByValue("FAIR");
            assertThat(offer.isDisplayed()).isFalse();
            phone.browser().find(By.id("visit-notes")).sendKeys("孩子一个人在家，奶奶去县城了");
            assertThat(offer.isDisplayed()).isTrue();
            phone.browser().find(By.id("obs-child-yes")).click();
            phone.browser().find(By.id("obs-guardian-no")).click();
            phone.browser().find(By.id("visit-save-flag")).click();

            phone.browser().find(By.id("flag-form"));
            assertThat(phone.browser()
                            .find(By.id("flag-form"))
                            .findElement(By.cssSelector("input[name=type]:checked"))
                            .getAttribute("value"))
                    .isEqualTo("LIVING_ALONE");
            assertThat(phone.browser().find(By.id("flag-description")).getAttribute("value"))
                    .contains("孩子一个人在家");
        }
    }

    @Test
    void aRedFlagSavedOfflineSaysTheStationDoesNotHaveItYetAndOffersTheCalls() {
        UserBuilder director = newDirector();
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        registry.registerId(DemoUsers.STATION_GUYANG, child);
        jdbc.update(
                "UPDATE organisation SET contact_phone = '0373-7000123', version = version + 1"
                        + " WHERE type = 'TOWNSHIP_STATION' AND region_code = ?",
                Villages.GUYANG);
        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            phone.open();
            phone.login(director.username(), director.password());
            phone.offline();
            phone.openChild(child.fullName());

            // the type picker: cards, the mandatory reports together first, 其他 last, hints that tell
            // living alone from abandonment, labels wrapped and not cut
            phone.click(By.id("go-flag-child"));
            List<WebElement> cards =
                    phone.browser().driver().findElements(By.cssSelector("#flag-type label.type-card"));
            assertThat(cards).hasSizeGreaterThan(10);
            List<String> ids = cards.stream().map(c -> c.getAttribute("for")).toList();
            assertThat(ids.get(ids.size() - 1)).isEqualTo("flag-type-OTHER");
            int lastMandatory = 0;
            int firstOther = ids.size();
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).startsWith("flag-type-MR_")) {
                    lastMandatory = i;
                } else {
                    firstOther = Math.min(firstOther, i);
                }
            }
            assertThat(lastMandatory).isLessThan(firstOther);
            String alone = phone.textOf(By.cssSelector("label[for='flag-type-LIVING_ALONE']"));
            String abandoned = phone.textOf(By.cssSelector("label[for='flag-type-MR_ABANDONMENT_NO_CARE']"));
            assertThat(alone).contains("能联系上监护人");
            assertThat(abandoned).contains("强制报告");
            for (WebElement card : cards) {
                assertThat(card.getSize().getHeight()).as(card.getText()).isGreaterThanOrEqualTo(48);
                assertThat((Boolean) phone.script(
                                "const e = arguments[0].querySelector('strong'); return e.scrollWidth <= e.clientWidth + 1;",
                                card))
                        .as(card.getText())
                        .isTrue();
            }
            phone.browser().screenshot("casework-pwa-flag-picker");
            // the long flag form keeps its save button on the screen, at the top as at the bottom
            for (String scroll : List.of("window.scrollTo(0, 0);", "window.scrollTo(0, document.body.scrollHeight);")) {
                phone.script(scroll);
                assertThat((Boolean)
                                phone.script("const r = document.getElementById('flag-save').getBoundingClientRect();"
                                        + " return r.top >= 0 && r.bottom <= innerHeight;"))
                        .as(scroll)
                        .isTrue();
            }
            assertThat(phone.browser().horizontalOverflow()).isLessThanOrEqualTo(PwaPhone.WIDTH);
            phone.browser().driver().navigate().back();
            phone.browser().waitFor(By.id("child-name"));

            phone.raiseFlag("MR_ABANDONMENT_NO_CARE", "孩子多日无人照料");

            WebElement toast = phone.browser().find(By.cssSelector("#toast:not([hidden])"));
            new WebDriverWait(phone.browser().driver(), Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.id("toast-call-110")).isEmpty());
            assertThat(toast.getText()).contains("社工站还没有收到");
            assertThat(phone.browser().find(By.id("toast-call-110")).getAttribute("href"))
                    .isEqualTo("tel:110");
            assertThat(phone.browser().find(By.id("toast-call-station")).getAttribute("href"))
                    .isEqualTo("tel:03737000123");
            phone.browser().screenshot("casework-pwa-offline-red-flag");
            assertThat(phone.browser().horizontalOverflow()).isLessThanOrEqualTo(PwaPhone.WIDTH);
        }
    }
}
