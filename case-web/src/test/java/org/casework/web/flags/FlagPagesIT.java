package org.casework.web.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.it.IntegrationTest;
import org.casework.it.TestClock;
import org.casework.web.support.StationPages;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The flag pages through their forms: a village director raises a flag, the station triages it,
 * the reporter sees the outcome; who may see a flag; the mandatory-report lock.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FlagPagesIT {

    private static final String RENZHUANG = StationPages.RENZHUANG;
    /** The smallest valid PNG header the service recognises as an image. */
    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    TestClock clock;

    StationPages pages;

    @BeforeEach
    void pages() {
        pages = new StationPages(mvc, users);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDirectorFlagsANewChildWhoAppearsInMyFlagsAndInTheStationQueue() throws Exception {
        String name = TestPeople.uniqueName();
        mvc.perform(get("/flags/new").with(pages.as("director-renzhuang")))
                .andExpect(status().isOk())
                .andExpect(view().name("flags/new"))
                .andExpect(content().string(containsString("capture=\"environment\"")))
                .andExpect(content().string(containsString("强制报告情形")))
                // a director has one village: it is chosen already
                .andExpect(content().string(matchesPattern("(?s).*value=\"" + RENZHUANG + "\"[^>]*selected.*")));

        UUID id = raiseNewChild(name, "LIVING_ALONE", "director-renzhuang", PNG);

        mvc.perform(get("/flags/{id}", id).with(pages.as("director-renzhuang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("待处理")))
                // the reporter sees what they sent, not the station's view
                .andExpect(content().string(not(containsString("上报人信息保密"))))
                .andExpect(content().string(not(containsString("/flags/" + id + "/triage\""))));
        mvc.perform(get("/flags/mine").with(pages.as("director-renzhuang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("独自居住")))
                .andExpect(content().string(containsString("待处理")));

        assertThat(queueContains("station-guyang", name)).isTrue();
        mvc.perform(get("/flags/{id}", id).with(pages.as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("上报人信息保密")))
                .andExpect(content().string(containsString("任秀兰")))
                .andExpect(content().string(containsString("处理期限")))
                .andExpect(content().string(containsString("/flags/" + id + "/photo")));
        mvc.perform(get("/flags/{id}/photo", id).with(pages.as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().contentType("image/png"));
        // a new child is registered from the flag with what the reporter knew
        assertThat(page("/flags/" + id, "station-guyang")).contains("id=\"flag-register-child\"");
        assertThat(page(
                        "/clients/new?fullName=" + name + "&sex=MALE&residenceRegionCode=" + RENZHUANG,
                        "station-guyang"))
                .contains("value=\"" + name + "\"");
        mvc.perform(get("/flags/{id}", id).header("Accept-Language", "en").with(pages.as("station-guyang")))
                .andExpect(content().string(containsString("Reporter is confidential")))
                .andExpect(content().string(containsString("Living alone")))
                .andExpect(content().string(containsString("Save the decision")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/flags/new").header("Accept-Language", "en").with(pages.as("director-renzhuang")))
                .andExpect(content().string(containsString("Mandatory-report situations")))
                .andExpect(content().string(containsString("Send the flag")));
        // a village role is sent from the station queue to their own flags
        mvc.perform(get("/flags").with(pages.as("director-renzhuang"))).andExpect(redirectedUrl("/flags/mine"));
    }

    @Test
    void aRefusedFlagComesBackWithEverythingTyped() throws Exception {
        String name = TestPeople.uniqueName();
        mvc.perform(multipart("/flags/new")
                        .param("subjectName", name)
                        .param("subjectSex", "FEMALE")
                        .param("subjectAgeYears", "9")
                        .param("guardianContact", "奶奶 13800001111")
                        .param("villageCode", RENZHUANG)
                        .param("description", "")
                        .param("observedPlace", "村东头小卖部")
                        .with(csrf())
                        .with(pages.as("director-renzhuang")))
                .andExpect(status().isOk())
                .andExpect(view().name("flags/new"))
                .andExpect(content().string(containsString("请选择风险类型")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")))
                .andExpect(content().string(containsString("奶奶 13800001111")))
                .andExpect(content().string(containsString("村东头小卖部")))
                .andExpect(content().string(containsString("请重新选择")));

        // the next refusal (the description) still keeps the type chosen
        mvc.perform(multipart("/flags/new")
                        .param("subjectName", name)
                        .param("subjectAgeYears", "9")
                        .param("villageCode", RENZHUANG)
                        .param("type", "MR_ABANDONMENT_NO_CARE")
                        .param("observedAt", "yesterday")
                        .with(csrf())
                        .with(pages.as("director-renzhuang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("时间格式不对")))
                .andExpect(content().string(matchesPattern("(?s).*value=\"MR_ABANDONMENT_NO_CARE\"[^>]*selected.*")))
                // a mandatory-report type shows the call-the-police instruction without a script
                .andExpect(content().string(containsString("请立即拨打 110 报警")));
        mvc.perform(get("/flags/mine").with(pages.as("director-renzhuang")))
                .andExpect(content().string(not(containsString(name))));
    }

    @Test
    void anotherVillagesDirectorAndAnotherTownshipDoNotSeeTheFlag() throws Exception {
        UUID id = raiseNewChild(TestPeople.uniqueName(), "SCHOOL_DROPOUT", "director-renzhuang", PNG);

        mvc.perform(get("/flags/{id}", id).with(pages.as("director-caozhai"))).andExpect(status().isNotFound());
        mvc.perform(get("/flags/{id}/photo", id).with(pages.as("director-caozhai")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/flags/{id}/notes", id)
                        .param("text", "补充")
                        .with(csrf())
                        .with(pages.as("director-caozhai")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/flags/{id}", id).with(pages.as("station-nanzhang"))).andExpect(status().isNotFound());
        mvc.perform(get("/flags/{id}", id).with(pages.as("liaison-fulian"))).andExpect(status().isNotFound());
        mvc.perform(get("/flags").with(pages.as("liaison-fulian"))).andExpect(redirectedUrl("/flags/mine"));
    }

    @Test
    void aMandatoryReportFlagIsTriagedOnlyAfterThePoliceReportIsRecorded() throws Exception {
        UUID clientId = pages.registerChild("station-guyang");
        String location = mvc.perform(multipart("/flags/new")
                        .param("clientId", clientId.toString())
                        .param("type", "MR_ABANDONMENT_NO_CARE")
                        .param("description", "孩子一个人在家三天，没人做饭")
                        .with(csrf())
                        .with(pages.as("director-renzhuang")))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/flags/".length()));
        // the sent page repeats the instruction to call the police
        mvc.perform(get(location).flashAttr("callPolice", true).with(pages.as("director-renzhuang")))
                .andExpect(content().string(containsString("请立即拨打 110 报警")))
                .andExpect(content().string(containsString("href=\"tel:110\"")));

        String staffPage = page("/flags/" + id, "station-guyang");
        assertThat(staffPage).contains("未登记报案", "id=\"triage-locked\"", "登记报案情况");
        mvc.perform(post("/flags/{id}/triage", id)
                        .param("version", version(staffPage))
                        .param("outcome", "CASE_OPENED")
                        .param("clientId", clientId.toString())
                        .with(csrf())
                        .with(pages.as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(view().name("flags/show"))
                .andExpect(content().string(containsString("须先登记向公安机关报案的情况")));

        // a report with a missing field comes back as typed
        mvc.perform(post("/flags/{id}/report", id)
                        .param("reportedAt", minutesAgo(30))
                        .param("receivingUnit", "兰考县公安局堌阳派出所")
                        .param("officer", "")
                        .param("receiptNumber", "JJ20260001")
                        .param("reportedBy", "李娜")
                        .param("civilAffairsNotifiedAt", minutesAgo(20))
                        .param("minorProtectionNotifiedAt", minutesAgo(10))
                        .with(csrf())
                        .with(pages.as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写接警民警")))
                .andExpect(content().string(containsString("JJ20260001")));
        mvc.perform(post("/flags/{id}/report", id)
                        .param("reportedAt", minutesAgo(30))
                        .param("receivingUnit", "兰考县公安局堌阳派出所")
                        .param("officer", "王警官")
                        .param("receiptNumber", "JJ20260001")
                        .param("reportedBy", "李娜")
                        .param("civilAffairsNotifiedAt", minutesAgo(20))
                        .param("minorProtectionNotifiedAt", minutesAgo(10))
                        .with(csrf())
                        .with(pages.as("station-guyang")))
                .andExpect(redirectedUrl("/flags/" + id + "#mandatory-report"));
        staffPage = page("/flags/" + id, "station-guyang");
        assertThat(staffPage)
                .contains("已登记向公安机关报案的情况", "王警官", "JJ20260001")
                .doesNotContain("id=\"triage-locked\"", "未登记报案");

        String caseLocation = mvc.perform(post("/flags/{id}/triage", id)
                        .param("version", version(staffPage))
                        .param("outcome", "CASE_OPENED")
                        .param("clientId", clientId.toString())
                        .with(csrf())
                        .with(pages.as("station-guyang")))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(caseLocation).startsWith("/cases/");
        // the case shows the flag it came from and the police report, which followed it there
        assertThat(page(caseLocation, "station-guyang"))
                .contains("id=\"case-flags\"", "/flags/" + id, "JJ20260001", "兰考县公安局堌阳派出所");

        assertThat(page("/flags/" + id, "station-guyang")).contains("已立案", "id=\"flag-outcome-case\"");
        assertThat(page("/flags/mine", "director-renzhuang")).contains("已立案");
        // the client page lists the flag for the station
        assertThat(page("/clients/" + clientId, "station-guyang")).contains("id=\"flags\"", "/flags/" + id, "已立案");
    }

    @Test
    void aRedFlagOutsideTheNineSituationsTakesItsPoliceReportOnTheFlagPageWithoutHoldingTriage() throws Exception {
        UUID clientId = pages.registerChild("station-guyang");
        UUID id = raise(clientId, "LIVING_ALONE", "孩子一个人住，父母在外打工");
        UUID orange = raise(clientId, "SCHOOL_DROPOUT", "两周没去上学");

        String staffPage = page("/flags/" + id, "station-guyang");
        // red: the police are told the same day, so the report can be recorded here; triage is open
        assertThat(staffPage)
                .contains("id=\"mandatory-report\"", "报案登记", "class=\"report-form\"")
                .doesNotContain("id=\"triage-locked\"", "请立即拨打 110 报警", "未登记报案");
        mvc.perform(post("/flags/{id}/report", id)
                        .param("reportedAt", minutesAgo(30))
                        .param("receivingUnit", "兰考县公安局堌阳派出所")
                        .param("officer", "王警官")
                        .param("receiptNumber", "JJ20260002")
                        .param("reportedBy", "李娜")
                        .param("civilAffairsNotifiedAt", minutesAgo(20))
                        .param("minorProtectionNotifiedAt", minutesAgo(10))
                        .with(csrf())
                        .with(pages.as("station-guyang")))
                .andExpect(redirectedUrl("/flags/" + id + "#mandatory-report"))
                .andExpect(flash().attribute("notice", "flag.done.policeReported"));
        assertThat(page("/flags/" + id, "station-guyang"))
                .contains("已登记向公安机关报案的情况", "王警官", "JJ20260002")
                .doesNotContain("class=\"report-form\"");

        // not red: no police report on the page
        assertThat(page("/flags/" + orange, "station-guyang")).doesNotContain("id=\"mandatory-report\"");
        // the reporter never sees the station's report section
        assertThat(page("/flags/" + id, "director-renzhuang")).doesNotContain("id=\"mandatory-report\"", "JJ20260002");
    }

    private UUID raise(UUID clientId, String type, String description) throws Exception {
        String location = mvc.perform(multipart("/flags/new")
                        .param("clientId", clientId.toString())
                        .param("type", type)
                        .param("description", description)
                        .with(csrf())
                        .with(pages.as("director-renzhuang")))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring("/flags/".length()));
    }

    @Test
    void aDismissalNeedsAReasonThatTheReporterThenSees() throws Exception {
        String name = TestPeople.uniqueName();
        UUID id = raiseNewChild(name, "OTHER", "director-renzhuang", null);
        String staffPage = page("/flags/" + id, "station-guyang");

        mvc.perform(post("/flags/{id}/triage", id)
                        .param("version", version(staffPage))
                        .param("outcome", "DISMISSED")
                        .param("reason", "")
                        .with(csrf())
                        .with(pages.as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不予处理须填写原因")));
        mvc.perform(post("/flags/{id}/triage", id)
                        .param("version", version(staffPage))
                        .param("outcome", "DISMISSED")
                        .param("reason", "核实后孩子由外婆照看，情况正常")
                        .with(csrf())
                        .with(pages.as("station-guyang")))
                .andExpect(redirectedUrl("/flags/" + id));

        assertThat(page("/flags/mine", "director-renzhuang")).contains(name, "不予处理", "核实后孩子由外婆照看");
        // notes go on after triage, for the reporter too
        mvc.perform(post("/flags/{id}/notes", id)
                        .param("text", "孩子妈妈下周回来")
                        .with(csrf())
                        .with(pages.as("director-renzhuang")))
                .andExpect(redirectedUrl("/flags/" + id + "#notes"));
        mvc.perform(post("/flags/{id}/notes", id)
                        .param("text", " ")
                        .with(csrf())
                        .with(pages.as("director-renzhuang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写补充内容")));
        assertThat(page("/flags/" + id, "station-guyang")).contains("孩子妈妈下周回来");
    }

    @Test
    void supervisorsSeeHowManyFlagsWaitAndHowManyAreOverdue() throws Exception {
        raiseNewChild(TestPeople.uniqueName(), "UNSAFE_HOUSING", "director-renzhuang", null);

        mvc.perform(get("/caseload").with(pages.as("head-guyang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"flag-counts\"")))
                .andExpect(content().string(containsString("待处理风险上报")))
                .andExpect(content().string(containsString("其中超时")));
        mvc.perform(get("/").with(pages.as("station-guyang")))
                .andExpect(content().string(containsString("待处理风险上报")))
                .andExpect(content().string(containsString("href=\"/flags\"")));
        mvc.perform(get("/").with(pages.as("director-renzhuang")))
                .andExpect(content().string(not(containsString("待处理风险上报"))))
                .andExpect(content().string(containsString("href=\"/flags/new\"")))
                .andExpect(content().string(containsString("href=\"/flags/mine\"")));
        mvc.perform(get("/flags").header("Accept-Language", "en").with(pages.as("station-guyang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Flag triage")))
                .andExpect(content().string(containsString("Unsafe housing")));
    }

    @Test
    void aRedFlagPastItsDeadlineIsMarkedOverdueInTheQueueAndCounted() throws Exception {
        String name = TestPeople.uniqueName();
        UUID id = raiseNewChild(name, "NO_GUARDIAN_ABLE_TO_CARE", "director-renzhuang", null);
        clock.advance(Duration.ofHours(3));

        String flagPage = page("/flags/" + id, "station-guyang");
        assertThat(flagPage).contains("已超时");
        assertThat(queueContains("station-guyang", name)).isTrue();
        assertThat(page("/flags", "station-guyang")).contains("class=\"badge badge-alert flag-overdue\"");
        assertThat(page("/caseload", "head-guyang")).doesNotContain("其中超时 0 条");
        // the reporter is told what happens, not about the station's deadlines
        assertThat(page("/flags/mine", "director-renzhuang")).contains(name).doesNotContain("已超时");
    }

    @Test
    void aClientPageOffersToFlagTheChild() throws Exception {
        UUID clientId = pages.registerChild("station-guyang");
        assertThat(page("/clients/" + clientId, "director-renzhuang"))
                .contains("/flags/new?clientId=" + clientId)
                .doesNotContain("id=\"flags\"");
        assertThat(page("/flags/new?clientId=" + clientId, "director-renzhuang"))
                .containsPattern("value=\"" + clientId + "\"[^>]*selected");
        mvc.perform(get("/flags/new").param("clientId", clientId.toString()).with(pages.as("director-caozhai")))
                .andExpect(status().isNotFound());
    }

    private UUID raiseNewChild(String name, String type, String username, byte[] photo) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/flags/new");
        if (photo != null) {
            request.file(new MockMultipartFile("photo", "photo.png", "image/png", photo));
        }
        String location = mvc.perform(request.param("subjectName", name)
                        .param("subjectSex", "MALE")
                        .param("subjectAgeYears", "9")
                        .param("guardianContact", "爷爷 13900002222")
                        .param("villageCode", RENZHUANG)
                        .param("type", type)
                        .param("description", "放学后一个人在家，家里没有大人")
                        .param("observedAt", minutesAgo(60))
                        .param("observedPlace", "家中")
                        .with(csrf())
                        .with(pages.as(username)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/flags/");
        return UUID.fromString(location.substring("/flags/".length()));
    }

    /** The queue is shared by every test: look through its pages rather than only the first. */
    private boolean queueContains(String username, String text) throws Exception {
        for (int p = 0; p < 50; p++) {
            String html = page("/flags?page=" + p, username);
            if (html.contains(text)) {
                return true;
            }
            if (!html.contains("rel=\"next\"")) {
                return false;
            }
        }
        return false;
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(pages.as(username)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String version(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no version field on the page");
        }
        return m.group(1);
    }

    private static String minutesAgo(int minutes) {
        return LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                .minusMinutes(minutes)
                .withSecond(0)
                .withNano(0)
                .toString();
    }
}
