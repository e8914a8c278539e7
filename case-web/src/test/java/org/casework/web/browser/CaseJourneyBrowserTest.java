package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A station worker takes a registered child from the client page through screening and intake to
 * a signed assessment, whose proposed risk she confirms on the case. Screenshots of each page at
 * desktop and phone width go to /tmp/casework-case-*.png.
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseJourneyBrowserTest {

    private static final String RENZHUANG = "410225101201";
    /** Required yes/no items of child-protection v1 that the journey answers "no". */
    private static final List<String> ANSWERED_NO = List.of(
            "mr_private_parts_injury",
            "mr_girl_under14_sexual_harm",
            "mr_girl_14plus_pregnancy",
            "mr_signs_of_abuse",
            "mr_abnormal_disability_or_death",
            "mr_abandoned_or_uncared",
            "mr_missing_or_trafficked",
            "mr_organised_begging",
            "mr_other_serious_harm",
            "left_unattended",
            "no_capable_guardian",
            "self_harm_risk",
            "parents_away",
            "no_parent_contact_1m",
            "housing_unsafe",
            "food_insufficient",
            "illness_or_disability",
            "school_dropout",
            "learning_difficulty",
            "emotional_distress",
            "no_hukou",
            "newly_bereaved");

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
    void aChildLivingAloneIsAssessedPlannedServedAndClosed() {
        browser.login("station-guyang");
        String name = TestPeople.uniqueName();
        registerLeftBehindBoy(name);

        // client page → open a case
        browser.find(By.cssSelector("#cases details.open-case summary")).click();
        browser.set("source", "OUTREACH");
        // the client page has several forms with a reason field: type into the open-case form's
        browser.find(By.cssSelector("form.open-case-form textarea[name=reason]"))
                .sendKeys("入户走访发现孩子独自在家");
        browser.find(By.cssSelector("form.open-case-form button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".case-meta"), "线索");
        assertThat(browser.bodyText()).contains(name, "已开案");

        // screen, admit with the guardian's consent, start the assessment stage
        click(By.cssSelector("button[data-step=SCREEN]"));
        browser.waitForText(By.cssSelector(".case-meta"), "筛查中");
        click(By.cssSelector("details[data-step=ADMIT] > summary"));
        browser.set("intakeBasis", "GUARDIAN_CONSENT");
        browser.find(By.cssSelector("details[data-step=ADMIT] textarea[name=reason]"))
                .sendKeys("祖母代为签字同意");
        click(By.cssSelector("details[data-step=ADMIT] button[type=submit]"));
        browser.waitForText(By.cssSelector(".case-meta"), "已接案");
        click(By.cssSelector("button[data-step=START_ASSESSMENT]"));
        browser.waitForText(By.cssSelector(".case-meta"), "预估中");
        shoot("casework-case-workspace-assessing");

        // start the child protection assessment: its form is generated from the instrument
        browser.set("instrument", "child-protection");
        click(By.cssSelector("form.start-assessment button[type=submit]"));
        browser.waitForText(By.tagName("h1"), "儿童保护与需求评估");
        browser.type("a.age_years", "10");
        choose("a.lives_alone", "true");
        ANSWERED_NO.forEach(code -> choose("a." + code, "false"));
        choose("a.difficulty_subtype", "NONE");
        click(By.cssSelector("button[name=op][value=save]"));
        browser.waitForText(By.id("result"), "红（紧急）");
        assertThat(browser.find(By.id("result")).getText()).contains("独自居住生活");
        browser.type("summary", "10岁男孩父母均在外务工，独自居住，无人照料。建议当天上门并联系父母落实委托照护。");
        shoot("casework-case-assessment-form");
        click(By.cssSelector("button[name=op][value=sign]"));
        browser.waitForText(By.id("assessment-status"), "已签署");
        assertThat(browser.find(By.id("result-risk")).getText()).contains("红");
        assertThat(browser.bodyText()).contains("堌阳镇社工 李娜", "预估摘要");
        shoot("casework-case-assessment-signed");

        // back on the case: the rules propose red, the worker confirms it
        click(By.cssSelector(".eyebrow a.mono"));
        String workspace = browser.driver().getCurrentUrl();
        browser.waitForText(By.id("proposed-risk"), "红");
        assertThat(browser.bodyText()).contains("请社工核实后确认");
        assertThat(browser.find(By.cssSelector("#confirm-risk select[name=level]"))
                        .getAttribute("value"))
                .isEqualTo("RED");
        click(By.cssSelector("#confirm-risk button[type=submit]"));
        browser.waitForText(By.id("confirmed-risk"), "红");
        assertThat(browser.find(By.cssSelector(".risk-history")).getText()).contains("确认", "系统建议");
        assertThat(browser.find(By.id("timeline")).getText()).contains("接案", "祖母代为签字同意", "开始预估");
        shoot("casework-case-workspace");

        click(By.cssSelector(".case-meta a.strong"));
        browser.waitForText(By.id("cases"), "预估中");
        assertThat(browser.find(By.id("assessments")).getText()).contains("儿童保护与需求评估", "已签署");
        shoot("casework-case-client-page");

        browser.open("/cases");
        browser.find(By.cssSelector("table.cases"));
        assertThat(browser.bodyText()).contains(name);
        shoot("casework-case-list");

        // the plan: goals and one activity, saved, then submitted; a red case needs a supervisor
        browser.driver().get(workspace);
        click(By.id("start-plan"));
        browser.waitForText(By.id("plan-status"), "草稿");
        browser.type("goals", "落实委托照护人，孩子不再独自居住\n孩子按时上学");
        browser.set("activities[0].type", "HOME_VISIT");
        browser.type("activities[0].description", "每周上门探访，核实照护情况");
        chooseFirstOption("activities[0].workerId");
        browser.set("activities[0].dueDate", LocalDate.now().plusDays(7).toString());
        browser.set("reviewDate", LocalDate.now().plusMonths(1).toString());
        click(By.id("save-plan"));
        browser.waitForText(By.cssSelector(".notices"), "已保存服务计划第1版草稿");
        shoot("casework-pages2-plan-draft");
        click(By.id("submit-plan"));
        browser.waitForText(By.id("plan-status"), "待审批");
        browser.waitForText(By.cssSelector(".case-meta"), "计划待审批");

        // the station head approves it from the approvals waiting on the caseload page
        browser.login("head-guyang");
        browser.open("/caseload");
        browser.find(By.id("approvals"));
        click(By.cssSelector("#approvals a[href='" + path(workspace) + "']"));
        browser.find(By.id("approve-plan"));
        browser.type("comment", "同意，请每周探访并记录");
        click(By.cssSelector("#approve-plan button[type=submit]"));
        browser.waitForText(By.id("plan-status"), "已批准");
        browser.waitForText(By.cssSelector(".case-meta"), "服务中");

        // the worker logs the visit against the planned activity and marks the activity done
        browser.login("station-guyang");
        browser.driver().get(workspace);
        click(By.cssSelector("details.log-service > summary"));
        browser.type("durationMinutes", "40");
        browser.type("place", "孩子家中");
        browser.type("participants", "孩子、祖母");
        chooseFirstOption("planActivityId");
        browser.type("notes", "祖母已搬来同住，孩子按时上学，作业完成。");
        click(By.cssSelector("form.service-form button[type=submit]"));
        browser.waitForText(By.id("services"), "祖母已搬来同住");
        click(By.cssSelector(".activity-done button[type=submit]"));
        browser.waitForText(By.cssSelector(".activities-list"), "堌阳镇社工 李娜");
        shoot("casework-pages2-workspace");

        // evaluate, request closure with the follow-up plan
        click(By.cssSelector("details[data-step=EVALUATE] > summary"));
        browser.find(By.cssSelector("details[data-step=EVALUATE] textarea[name=reason]"))
                .sendKeys("委托照护已落实，孩子不再独居，目标达成。");
        click(By.cssSelector("details[data-step=EVALUATE] button[type=submit]"));
        browser.waitForText(By.cssSelector(".case-meta"), "评估中");
        click(By.cssSelector("details[data-step=REQUEST_CLOSURE] > summary"));
        browser.set("closureReason", "GOALS_MET");
        browser.find(By.cssSelector("details[data-step=REQUEST_CLOSURE] textarea[name=followUpPlan]"))
                .sendKeys("1个月、3个月后电话回访祖母并上门探访一次。");
        click(By.cssSelector("details[data-step=REQUEST_CLOSURE] button[type=submit]"));
        browser.waitForText(By.cssSelector(".case-meta"), "结案待审批");

        // the station head approves the closure; the case shows its follow-up dates
        browser.login("head-guyang");
        browser.open("/worklist");
        browser.find(By.cssSelector("ul.worklist"));
        assertThat(browser.bodyText()).contains("待审批", name);
        shoot("casework-pages2-worklist");
        browser.driver().get(workspace);
        click(By.cssSelector("details[data-step=APPROVE_CLOSURE] > summary"));
        click(By.cssSelector("details[data-step=APPROVE_CLOSURE] button[type=submit]"));
        browser.waitForText(By.cssSelector(".case-meta"), "已结案");
        assertThat(browser.find(By.id("facts")).getText())
                .contains(
                        "目标达成", "回访到期", LocalDate.now().plusMonths(1).toString().substring(0, 7));
        assertThat(browser.find(By.id("plan")).getText()).contains("已批准", "每周上门探访");
        shoot("casework-pages2-closed");
    }

    /** Picks the first real option of a select (the one after "please choose"). */
    private void chooseFirstOption(String name) {
        WebElement select = browser.waitFor(By.name(name));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].selectedIndex = 1;", select);
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    /** Registers a left-behind boy in 任庄村 and waits for his client page. */
    private void registerLeftBehindBoy(String name) {
        LocalDate born = TestPeople.childBirthDate();
        browser.open("/clients/new");
        browser.type("fullName", name);
        browser.set("sex", "MALE");
        browser.set("birthDate", born.toString());
        browser.type("idNumber", TestPeople.maleIdNumber(born));
        browser.set("residenceRegionCode", RENZHUANG);
        browser.set("child.fatherStatus", "WORKING_AWAY");
        browser.set("child.motherStatus", "WORKING_AWAY");
        browser.set("category.type", "LEFT_BEHIND_CHILD");
        browser.set("category.validFrom", LocalDate.now().toString());
        browser.set("category.source", "OUTREACH");
        browser.find(By.cssSelector("form.client-form button[type=submit]")).click();
        browser.waitForText(By.tagName("h1"), name);
    }

    /** Picks one answer of a radio group, as a user taps its label. */
    private void choose(String name, String value) {
        click(By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']"));
    }

    /** Clicks an element scrolled to the middle of the screen (the sticky form buttons cover the bottom). */
    private void click(By by) {
        WebElement element = browser.waitFor(by);
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** The whole page at desktop width and at a 375px phone width, then back to the desktop. */
    private void shoot(String name) {
        browser.screenshot(name + "-desktop");
        fullPage(name + "-desktop-full", 1280, false);
        fullPage(name + "-375", 375, true);
        assertThat(browser.horizontalOverflow()).as(name + " at 375px").isLessThanOrEqualTo(376);
        browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void fullPage(String name, int width, boolean mobile) {
        var driver = browser.driver();
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", mobile));
        Number height =
                (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height.intValue(), "deviceScaleFactor", 1, "mobile", mobile));
        browser.screenshot(name);
    }
}
