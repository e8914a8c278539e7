package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Registry;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The station worker's workflow in a desktop browser, in Simplified Chinese (issue 15): the stepper
 * on the case, signing after a confirmation, a plan typed and submitted in one press, a refused
 * submit that keeps what was typed and shows its error, the police-report line, the flag queue
 * and the start page's alarm. The data each journey starts from is made over the API. The case
 * stepper's screenshot goes to /tmp/casework-case-stepper.png (the README's is a copy of it).
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationFlowBrowserTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    Api api;
    Registry registry;
    Cases cases;

    @BeforeAll
    void start() {
        browser = new Browser(port);
        api = new Api(port).from(Api.someAddress());
        registry = new Registry(api);
        cases = new Cases(api);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aCaseAtIntakeIsAssessedAndItsPlanTypedAndSubmittedInOnePress() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.open(WORKER, child);
        c = cases.step(WORKER, c, Map.of("action", "SCREEN"));
        c = cases.step(WORKER, c, Map.of("action", "ADMIT", "intakeBasis", "GUARDIAN_CONSENT", "reason", "祖母签字同意"));
        JsonNode draft = assessmentReadyToSign(child, c, false);

        browser.login(WORKER);
        browser.open("/cases/" + id(c));
        assertThat(currentStage()).isEqualTo("接案");
        assertThat(browser.find(By.id("next-step-hint")).getText()).contains("开始预估", "签署一份预估");

        // signing asks first; 取消 leaves the draft as it was
        browser.open("/assessments/" + id(draft));
        click(By.cssSelector("button[name=op][value=sign]"));
        Alert question = alert();
        assertThat(question.getText()).contains("签署后本预估不能再修改", "确定签署吗");
        question.dismiss();
        assertThat(browser.find(By.id("assessment-status")).getText()).doesNotContain("已签署");
        click(By.cssSelector("button[name=op][value=sign]"));
        alert().accept();
        browser.waitForText(By.id("assessment-status"), "已签署");

        // the case moved on from intake by itself; the stepper says the plan is next
        browser.open("/cases/" + id(c));
        browser.waitForText(By.cssSelector(".case-meta"), "预估中");
        assertThat(currentStage()).isEqualTo("预估");
        assertThat(browser.find(By.id("next-step-hint")).getText()).contains("预估已签署", "提交审批");
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
        browser.screenshot("casework-case-stepper");

        // the plan: typed and submitted without a separate save
        click(By.id("start-plan"));
        browser.waitForText(By.id("plan-status"), "草稿");
        typePlan();
        click(By.id("submit-plan"));
        browser.waitForText(By.id("plan-status"), "待审批");
        assertThat(browser.find(By.id("plan")).getText()).contains("落实委托照护人", "每周上门探访，核实照护情况");
        assertThat(currentStage()).isEqualTo("计划");
    }

    @Test
    void planActivitiesMayBeOwnedByTheVillageDirectorOrAWrittenInPartner() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(WORKER, child);
        cases.signedChildAssessment(WORKER, child, c);

        browser.login(WORKER);
        browser.open("/cases/" + id(c));
        click(By.id("start-plan"));
        browser.waitForText(By.id("plan-status"), "草稿");
        browser.type("goals", "孩子按时上学");
        browser.set("activities[0].type", "HOME_VISIT");
        browser.type("activities[0].description", "每周上门看望孩子");
        // the village's own child director is offered apart from the station's staff
        Select owner = new Select(browser.waitFor(By.name("activities[0].workerId")));
        assertThat(owner.getOptions().stream().map(WebElement::getText))
                .contains("任庄村儿童主任 任秀兰", "其他合作机构（手填）")
                .doesNotContain("曹寨村儿童主任 曹桂芳");
        owner.selectByVisibleText("任庄村儿童主任 任秀兰");
        browser.set("activities[0].dueDate", LocalDate.now(CHINA).plusDays(7).toString());

        // a second activity for a partner written in: its fields open only once chosen
        click(By.cssSelector("details.more-rows > summary"));
        browser.set("activities[1].type", "REFERRAL");
        browser.type("activities[1].description", "课后托管");
        // present but hidden (Browser.find waits for a visible element, so look it up directly)
        assertThat(browser.driver()
                        .findElement(By.name("activities[1].partnerName"))
                        .isDisplayed())
                .isFalse();
        new Select(browser.find(By.name("activities[1].workerId"))).selectByVisibleText("其他合作机构（手填）");
        WebElement partnerName = browser.find(By.name("activities[1].partnerName"));
        partnerName.sendKeys("爱心托管班");
        browser.find(By.name("activities[1].partnerContact")).sendKeys("王老师 13800000000");
        browser.set("activities[1].dueDate", LocalDate.now(CHINA).plusDays(14).toString());
        browser.set("reviewDate", LocalDate.now(CHINA).plusMonths(1).toString());
        click(By.id("submit-plan"));

        // submitted (or approved without review): the read-only plan lists who does what
        String plan = browser.waitFor(By.cssSelector(".activities-list")).getText();
        assertThat(plan)
                .contains("村儿童主任", "任庄村儿童主任 任秀兰", "合作机构", "爱心托管班（王老师 13800000000）")
                .doesNotContain("director-renzhuang");
        browser.screenshot("casework-plan-owners");

        // the station head's change history names the worker, with the login an auditor filters by
        browser.login(DemoUsers.HEAD_GUYANG);
        browser.open("/audit/changes?user=" + WORKER);
        assertThat(browser.find(By.cssSelector("td.user")).getText()).isEqualTo("堌阳镇社工 李娜 (station-guyang)");
    }

    @Test
    void aRefusedDirectorStaysChosenInThePlanEditor() {
        String name = "任庄村儿童主任 任" + UUID.randomUUID().toString().substring(0, 4);
        UserBuilder director =
                UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG).displayed(name);
        registry.createUser(director);
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(WORKER, child);
        cases.signedChildAssessment(WORKER, child, c);

        browser.login(WORKER);
        browser.open("/cases/" + id(c));
        click(By.id("start-plan"));
        browser.waitForText(By.id("plan-status"), "草稿");
        browser.type("goals", "孩子按时上学");
        browser.set("activities[0].type", "HOME_VISIT");
        browser.type("activities[0].description", "每周上门看望孩子");
        new Select(browser.waitFor(By.name("activities[0].workerId"))).selectByVisibleText(name);
        browser.set("activities[0].dueDate", LocalDate.now(CHINA).plusDays(7).toString());
        // while the page is open, the director moves to 曹寨村: the save is refused
        jdbc.update(
                "UPDATE user_account SET jurisdiction_code = ? WHERE username = ?",
                Villages.CAOZHAI,
                director.username());
        click(By.id("save-plan"));

        WebElement error = browser.find(By.cssSelector("#plan .form-errors"));
        assertThat(error.getText()).contains(name + "不是服务对象所在村的儿童主任");
        // the refused choice is still chosen (not 请选择), with what else was typed
        Select owner = new Select(browser.find(By.name("activities[0].workerId")));
        assertThat(owner.getFirstSelectedOption().getText()).isEqualTo(name);
        assertThat(owner.getFirstSelectedOption().getAttribute("value")).isNotEmpty();
        assertThat(browser.find(By.name("activities[0].description")).getAttribute("value"))
                .isEqualTo("每周上门看望孩子");
        browser.screenshot("casework-plan-refused-director");
    }

    @Test
    void aRefusedSubmitKeepsWhatWasTypedAndScrollsToTheError() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(WORKER, child); // nothing signed: the plan cannot be submitted yet

        browser.login(WORKER);
        browser.open("/cases/" + id(c));
        click(By.id("start-plan"));
        browser.waitForText(By.id("plan-status"), "草稿");
        typePlan();
        click(By.id("submit-plan"));

        WebElement error = browser.find(By.cssSelector("#plan .form-errors"));
        assertThat(error.getText()).contains("已保存草稿，但未能提交审批", "新建并签署一份预估");
        assertThat(browser.find(By.name("goals")).getAttribute("value")).contains("落实委托照护人");
        assertThat(browser.find(By.name("activities[0].description")).getAttribute("value"))
                .isEqualTo("每周上门探访，核实照护情况");
        JavascriptExecutor js = browser.driver();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> ((Number) js.executeScript("return window.scrollY;")).longValue() > 0);
        Number top = (Number) js.executeScript("return arguments[0].getBoundingClientRect().top;", error);
        Number height = (Number) js.executeScript("return window.innerHeight;");
        assertThat(top.doubleValue()).as("the error is in view").isBetween(0.0, height.doubleValue());
    }

    @Test
    void thePoliceReportTurnsTheRedAlarmIntoAGreyLine() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(WORKER, child);
        JsonNode draft = assessmentReadyToSign(child, c, true);
        ok(api.post("/api/v1/assessments/" + id(draft) + "/sign", Map.of(), api.tokenFor(WORKER), etag(draft)));

        browser.login(WORKER);
        browser.open("/cases/" + id(c));
        assertThat(browser.find(By.id("police-report-alarm")).getText()).contains("须立即向公安机关报案");

        // recorded on the case itself, after a confirmation
        LocalDateTime now = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES);
        click(By.cssSelector("#police-report > summary"));
        browser.set("reportedAt", now.minusMinutes(15).toString());
        browser.type("receivingUnit", "兰考县公安局堌阳派出所");
        browser.type("officer", "王警官");
        browser.type("receiptNumber", "JJ-0042");
        browser.type("reportedBy", "堌阳镇社工站");
        browser.set("civilAffairsNotifiedAt", now.minusMinutes(10).toString());
        browser.set("minorProtectionNotifiedAt", now.minusMinutes(5).toString());
        click(By.cssSelector("#police-report button[type=submit]"));
        Alert question = alert();
        assertThat(question.getText()).contains("只登记一次");
        question.accept();
        browser.waitForText(By.cssSelector(".notices"), "已登记强制报告");

        browser.open("/cases/" + id(c));
        assertThat(browser.find(By.id("police-reported")).getText()).contains("已于", "报案（回执号 JJ-0042）");
        assertThat(browser.driver().findElements(By.id("police-report-alarm"))).isEmpty();
        browser.open("/assessments/" + id(draft));
        assertThat(browser.find(By.id("police-reported")).getText()).contains("回执号 JJ-0042");
    }

    @Test
    void mandatoryReportFlagsLeadTheQueueTheStartPageAlarmsAndRecordingTheReportAsksFirst() {
        String aloneName = TestPeople.uniqueName();
        String abandonedName = TestPeople.uniqueName();
        raiseFlag(aloneName, "LIVING_ALONE", "8岁孩子独自在家两天");
        String abandoned = raiseFlag(abandonedName, "MR_ABANDONMENT_NO_CARE", "孩子长期无人照料");

        browser.login(WORKER);
        WebElement alarm = browser.find(By.id("red-flags-waiting"));
        assertThat(alarm.getAttribute("role")).isEqualTo("alert");
        assertThat(alarm.getText()).contains("条红色风险上报待处理", "最早的一条已等待");
        assertThat(browser.driver().findElements(By.id("flag-counts"))).isEmpty();

        browser.open("/flags");
        String queue = browser.find(By.cssSelector("ul.flag-list")).getText();
        assertThat(queue.indexOf(abandonedName)).isNotNegative().isLessThan(queue.indexOf(aloneName));

        // recording the police report is final: the page asks first
        browser.open("/flags/" + abandoned);
        LocalDateTime now = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES);
        browser.set("reportedAt", now.minusMinutes(20).toString());
        browser.type("receivingUnit", "兰考县公安局堌阳派出所");
        browser.type("officer", "赵警官");
        browser.type("receiptNumber", "LK-110-0100");
        browser.set("civilAffairsNotifiedAt", now.minusMinutes(10).toString());
        browser.set("minorProtectionNotifiedAt", now.minusMinutes(5).toString());
        click(By.cssSelector("form.report-form button[type=submit]"));
        Alert question = alert();
        assertThat(question.getText()).contains("只登记一次", "确定登记吗");
        question.accept();
        browser.waitForText(By.cssSelector(".notices"), "已登记强制报告");
    }

    private String currentStage() {
        return browser.find(By.cssSelector("#stepper li[aria-current=step] .stage-name"))
                .getText();
    }

    private Alert alert() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
    }

    private void typePlan() {
        browser.type("goals", "落实委托照护人\n孩子按时上学");
        browser.set("activities[0].type", "HOME_VISIT");
        browser.type("activities[0].description", "每周上门探访，核实照护情况");
        WebElement worker = browser.waitFor(By.name("activities[0].workerId"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].selectedIndex = 1;", worker);
        browser.set("activities[0].dueDate", LocalDate.now(CHINA).plusDays(7).toString());
        browser.set("reviewDate", LocalDate.now(CHINA).plusMonths(1).toString());
    }

    private void click(By by) {
        WebElement element = browser.waitFor(by);
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private String raiseFlag(String name, String type, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectName", name);
        body.put("subjectSex", "MALE");
        body.put("subjectAgeYears", 8);
        body.put("guardianContact", "爷爷 13911112222");
        body.put("villageCode", Villages.RENZHUANG);
        body.put("type", type);
        body.put("description", description);
        Api.Response raised = api.post("/api/v1/flags", body, api.tokenFor(DemoUsers.DIRECTOR_RENZHUANG));
        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(201);
        return raised.body().get("id").asString();
    }

    /** A child-protection draft with every answer and the summary, ready to sign; optionally a mandatory report. */
    private JsonNode assessmentReadyToSign(UUID child, JsonNode caseFile, boolean abandoned) {
        String token = api.tokenFor(WORKER);
        JsonNode draft = ok(api.post(
                "/api/v1/assessments",
                Map.of("clientId", child, "caseId", id(caseFile), "instrumentCode", "child-protection"),
                token));
        Map<String, Object> answers = new LinkedHashMap<>();
        for (JsonNode instrument : ok(api.get("/api/v1/instruments", token))) {
            if (!instrument.get("key").get("code").asString().equals("child-protection")) {
                continue;
            }
            for (JsonNode section : instrument.get("sections")) {
                for (JsonNode item : section.get("items")) {
                    if (item.get("required").asBoolean()
                            && item.get("type").asString().equals("BOOLEAN")) {
                        answers.put(item.get("code").asString(), false);
                    }
                }
            }
        }
        answers.put("age_years", 10);
        answers.put("difficulty_subtype", "NONE");
        answers.put("lives_alone", !abandoned);
        answers.put("mr_abandoned_or_uncared", abandoned);
        String path = "/api/v1/assessments/" + id(draft);
        draft = ok(api.put(path + "/answers", answers, token, etag(draft)));
        return ok(api.put(path + "/summary", Map.of("summary", "父母在外务工，孩子无人照料"), token, etag(draft)));
    }
}
