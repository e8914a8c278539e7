package org.casework.web.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.core.assessments.Assessment;
import org.casework.core.assessments.AssessmentRepository;
import org.casework.core.assessments.AssessmentStatus;
import org.casework.core.cases.CaseRepository;
import org.casework.core.shared.RiskLevel;
import org.casework.it.IntegrationTest;
import org.casework.web.support.StationPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The assessment form generated from the instrument: saving, per-item errors, signing, the signed record. */
@IntegrationTest
@AutoConfigureMockMvc
class AssessmentFormIT {

    private static final String WORKER = "station-guyang";
    private static final String CHILD_PROTECTION = "child-protection";
    /** The required yes/no items of child-protection v1 besides lives_alone. */
    private static final List<String> REQUIRED_NO = List.of(
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

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    AssessmentRepository assessmentRepository;

    @Autowired
    CaseRepository caseRepository;

    StationPages pages;

    @BeforeEach
    void pages() {
        pages = new StationPages(mvc, users);
    }

    @Test
    void theFormIsGeneratedFromTheInstrumentInTheUsersLanguage() throws Exception {
        UUID assessment = assessmentOfANewCase();

        mvc.perform(get("/assessments/{id}", assessment).with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("儿童保护与需求评估")))
                .andExpect(content().string(containsString("<legend>强制报告情形")))
                // each item by its type
                .andExpect(content().string(containsString("type=\"radio\" name=\"a.lives_alone\" value=\"true\"")))
                .andExpect(content().string(containsString("name=\"a.age_years\" value=\"\" min=\"0\" max=\"17\"")))
                .andExpect(content().string(containsString("type=\"date\" name=\"a.notice_date\"")))
                .andExpect(content().string(containsString("<textarea name=\"a.living_notes\"")))
                .andExpect(content().string(containsString("value=\"DE_FACTO_UNSUPPORTED\"")))
                .andExpect(content().string(containsString("事实无人抚养儿童")));

        mvc.perform(get("/assessments/{id}", assessment).param("lang", "en").with(pages.as(WORKER)))
                .andExpect(content().string(containsString("Child protection and needs assessment")))
                .andExpect(content().string(containsString("Lives alone")))
                .andExpect(content().string(not(containsString("独自居住生活"))));
    }

    @Test
    void savingTheAnswersComputesTheProposedRisk() throws Exception {
        UUID assessment = assessmentOfANewCase();

        save(assessment, answers(Map.of("lives_alone", "true", "age_years", "10")), "save")
                .andExpect(redirectedUrl("/assessments/" + assessment));

        Assessment stored = stored(assessment);
        assertThat(stored.getStatus()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(stored.getProposedRisk()).isEqualTo(RiskLevel.RED);
        mvc.perform(get("/assessments/{id}", assessment).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("按目前的答案计算的结果")))
                .andExpect(content().string(containsString("红（紧急）")))
                // the trigger by its label, not its code
                .andExpect(content().string(containsString("<li>独自居住生活</li>")))
                // what was saved is shown again
                .andExpect(
                        content().string(containsString("name=\"a.lives_alone\" value=\"true\" checked=\"checked\"")));
    }

    @Test
    void thePageSaysWhichRuleDecidedTheAgeTheRulesUsed() throws Exception {
        UUID assessment = assessmentOfANewCase();

        // the typed age (10) does not count: the child has a registered birth date
        save(assessment, answers(Map.of("age_years", "10")), "save").andExpect(status().is3xxRedirection());

        mvc.perform(get("/assessments/{id}", assessment).with(pages.as(WORKER)))
                // the section's rule, from the instrument
                .andExpect(content().string(containsString("年龄按服务对象登记的出生日期自动计算")))
                // the result's note, with the age the rules used
                .andExpect(content().string(containsString("计算说明")))
                .andExpect(content().string(containsString("<li>年龄按登记的出生日期计算：")));
        mvc.perform(get("/assessments/{id}", assessment).param("lang", "en").with(pages.as(WORKER)))
                .andExpect(content().string(containsString("Age computed from the registered birth date: ")));
    }

    @Test
    void aHalfFilledDraftIsSavedWithoutAResult() throws Exception {
        UUID assessment = assessmentOfANewCase();

        save(assessment, Map.of("a.age_years", "9", "a.lives_alone", "true"), "save")
                .andExpect(status().is3xxRedirection());

        assertThat(stored(assessment).getAnswers()).containsKeys("age_years", "lives_alone");
        assertThat(stored(assessment).getProposedRisk()).isNull();
    }

    @Test
    void aWrongAnswerIsShownNextToItsItemAndNothingIsSaved() throws Exception {
        UUID assessment = assessmentOfANewCase();
        long version = stored(assessment).getVersion();
        // a new draft starts with what the registry says (a left-behind child: parents away)
        var started = stored(assessment).getAnswers();
        assertThat(started).containsEntry("parents_away", true);

        save(assessment, answers(Map.of("lives_alone", "true", "age_years", "25")), "save")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"item-age_years\"")))
                .andExpect(content().string(containsString("题目“儿童周岁年龄（仅无出生日期时填写）”的数值不能大于 17")))
                .andExpect(content().string(containsString("field item has-error")))
                // what was typed comes back
                .andExpect(content().string(containsString("name=\"a.age_years\" value=\"25\"")));

        assertThat(stored(assessment).getVersion()).isEqualTo(version);
        assertThat(stored(assessment).getAnswers()).isEqualTo(started);
    }

    @Test
    void signingNeedsTheSummaryButKeepsTheSavedDraft() throws Exception {
        UUID assessment = assessmentOfANewCase();

        save(assessment, answers(Map.of("lives_alone", "false", "age_years", "10")), "sign")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("答案已保存为草稿，但未签署")))
                .andExpect(content().string(containsString("签署前请填写预估摘要")));

        Assessment stored = stored(assessment);
        assertThat(stored.getStatus()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(stored.getProposedRisk()).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void signingAnIncompleteDraftNamesTheMissingItem() throws Exception {
        UUID assessment = assessmentOfANewCase();

        save(assessment, Map.of("a.age_years", "10", "summary", "未填完"), "sign")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("题目“生殖器官或隐私部位遭受或疑似遭受非正常损伤”必须回答")))
                .andExpect(content().string(containsString("href=\"#item-mr_private_parts_injury\"")));

        assertThat(stored(assessment).getStatus()).isEqualTo(AssessmentStatus.DRAFT);
    }

    @Test
    void aSignedMandatoryReportIsReadOnlyWithARedBannerAndProposesRedOnTheCase() throws Exception {
        UUID assessment = assessmentOfANewCase();
        Map<String, String> answers = answers(Map.of("mr_signs_of_abuse", "true", "age_years", "7"));
        answers.put("summary", "多处淤青，疑似被殴打。已报警。");

        save(assessment, answers, "sign").andExpect(redirectedUrl("/assessments/" + assessment));

        Assessment signed = stored(assessment);
        assertThat(signed.getStatus()).isEqualTo(AssessmentStatus.SIGNED);
        assertThat(signed.isMandatoryReport()).isTrue();
        mvc.perform(get("/assessments/{id}", assessment).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("class=\"alert-mandatory\"")))
                .andExpect(content().string(containsString("须立即向公安机关报案")))
                .andExpect(content().string(containsString("已签署")))
                .andExpect(content().string(containsString("堌阳镇社工 李娜")))
                // no form to change the answers any more, but a reassessment
                .andExpect(content().string(not(containsString("name=\"a.age_years\""))))
                .andExpect(content().string(containsString("/reassess")));
        assertThat(caseRepository.findById(signed.getCaseId()).orElseThrow().getProposedRiskLevel())
                .isEqualTo(RiskLevel.RED);
        mvc.perform(get("/cases/{id}", signed.getCaseId()).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("class=\"alert-mandatory\"")))
                .andExpect(content().string(containsString("id=\"proposed-risk\">红（紧急）")));

        mvc.perform(post("/assessments/{id}/reassess", assessment).with(csrf()).with(pages.as(WORKER)))
                .andExpect(redirectedUrlPattern("/assessments/*"));
        mvc.perform(post("/assessments/{id}/reassess", assessment).with(csrf()).with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该评估已有重新评估")));
    }

    @Test
    void aClientCanBeAssessedWithoutACase() throws Exception {
        UUID child = pages.registerChild(WORKER);

        mvc.perform(get("/clients/{id}/assessments/new", child)
                        .param("instrument", CHILD_PROTECTION)
                        .with(pages.as("director-renzhuang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"child-protection\" selected=\"selected\"")));
        String location = mvc.perform(post("/clients/{id}/assessments", child)
                        .param("instrument", CHILD_PROTECTION)
                        .with(csrf())
                        .with(pages.as("director-renzhuang")))
                .andExpect(redirectedUrlPattern("/assessments/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        Assessment started = stored(UUID.fromString(location.substring("/assessments/".length())));
        assertThat(started.getCaseId()).isNull();
        assertThat(started.getClientId()).isEqualTo(child);
    }

    @Test
    void anUnknownInstrumentIsRefusedOnTheWorkspace() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);

        mvc.perform(post("/cases/{id}/assessments", caseId)
                        .param("instrument", "no-such-tool")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/cases/" + caseId + "#assessments"));
    }

    /** A new case of a new child, screened, admitted and in assessment, with a child-protection draft. */
    private UUID assessmentOfANewCase() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);
        step(caseId, "SCREEN", Map.of());
        step(caseId, "ADMIT", Map.of("intakeBasis", "GUARDIAN_CONSENT"));
        step(caseId, "START_ASSESSMENT", Map.of());
        return pages.startAssessment(caseId, CHILD_PROTECTION, WORKER);
    }

    private void step(UUID caseId, String action, Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/cases/{id}/steps", caseId)
                .param("action", action)
                .param(
                        "version",
                        String.valueOf(
                                caseRepository.findById(caseId).orElseThrow().getVersion()))
                .with(csrf())
                .with(pages.as(WORKER));
        fields.forEach(request::param);
        mvc.perform(request).andExpect(redirectedUrl("/cases/" + caseId));
    }

    /** Every required item answered "no" / none, then the given answers on top (as form parameters). */
    private static Map<String, String> answers(Map<String, String> given) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("a.lives_alone", "false");
        REQUIRED_NO.forEach(code -> params.put("a." + code, "false"));
        params.put("a.difficulty_subtype", "NONE");
        given.forEach((code, value) -> params.put("a." + code, value));
        return params;
    }

    private ResultActions save(UUID assessment, Map<String, String> params, String op) throws Exception {
        MockHttpServletRequestBuilder request = post("/assessments/{id}", assessment)
                .param("version", String.valueOf(stored(assessment).getVersion()))
                .param("op", op)
                .with(csrf())
                .with(pages.as(WORKER));
        params.forEach(request::param);
        return mvc.perform(request);
    }

    private Assessment stored(UUID id) {
        return assessmentRepository.findById(id).orElseThrow();
    }
}
