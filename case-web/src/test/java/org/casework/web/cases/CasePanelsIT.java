package org.casework.web.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseRepository;
import org.casework.core.cases.CaseState;
import org.casework.core.plans.ActivityType;
import org.casework.core.plans.PlanStatus;
import org.casework.core.plans.ServicePlan;
import org.casework.core.plans.ServicePlanRepository;
import org.casework.core.services.ServiceRecordService;
import org.casework.core.services.ServiceType;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.CaseSteps;
import org.casework.web.support.StationPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The workspace panels: the plan editor and its refusals, service records, supervision notes. */
@IntegrationTest
@AutoConfigureMockMvc
class CasePanelsIT {

    private static final String WORKER = "station-guyang";
    private static final String HEAD = "head-guyang";
    private static final String DIRECTOR = "director-renzhuang";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    CaseRepository caseRepository;

    @Autowired
    ServicePlanRepository planRepository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ServiceRecordService serviceRecords;

    @LocalServerPort
    int port;

    StationPages pages;

    @BeforeEach
    void pages() {
        pages = new StationPages(mvc, users);
    }

    @Test
    void aRefusedPlanSubmitShowsTheMessageAndSavesNothing() throws Exception {
        UUID caseId = admittedCase();
        startPlan(caseId);
        ServicePlan draft = plan(caseId);
        long planVersion = draft.getVersion();
        long caseVersion = stored(caseId).getVersion();

        mvc.perform(post("/cases/{id}/plan/{pid}/submit", caseId, draft.getId())
                        .param("version", String.valueOf(planVersion))
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(view().name("cases/workspace"))
                .andExpect(content().string(containsString("请至少填写一项服务目标")));

        ServicePlan after = plan(caseId);
        assertThat(after.getStatus()).isEqualTo(PlanStatus.DRAFT);
        assertThat(after.getVersion()).isEqualTo(planVersion);
        assertThat(after.getGoals()).isEmpty();
        assertThat(stored(caseId).getState()).isEqualTo(CaseState.INTAKE);
        assertThat(stored(caseId).getVersion()).isEqualTo(caseVersion);
    }

    @Test
    void theEditorSavesGoalsLineByLineAndIgnoresBlankRows() throws Exception {
        UUID caseId = admittedCase();
        startPlan(caseId);
        ServicePlan draft = plan(caseId);
        UUID worker = accounts.findByUsername(WORKER).orElseThrow().getId();
        LocalDate due = LocalDate.now().plusDays(7);

        mvc.perform(post("/cases/{id}/plan/{pid}", caseId, draft.getId())
                        .param("version", String.valueOf(draft.getVersion()))
                        .param("goals", "落实委托照护人\n\n孩子按时上学")
                        .param("activities[0].type", ActivityType.HOME_VISIT.name())
                        .param("activities[0].description", "每周上门探访")
                        .param("activities[0].workerId", worker.toString())
                        .param("activities[0].dueDate", due.toString())
                        .param("activities[1].type", "")
                        .param("activities[1].description", "")
                        .param("reviewDate", due.plusMonths(1).toString())
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/cases/" + caseId + "#plan"));

        ServicePlan saved = plan(caseId);
        assertThat(saved.getGoals()).containsExactly("落实委托照护人", "孩子按时上学");
        assertThat(saved.getActivities()).hasSize(1);
        assertThat(saved.getActivities().get(0).getResponsibleWorkerId()).isEqualTo(worker);
        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("每周上门探访")))
                .andExpect(content().string(containsString("id=\"submit-plan\"")));
    }

    @Test
    void aRefusedDraftKeepsWhatTheWorkerTyped() throws Exception {
        UUID caseId = admittedCase();
        startPlan(caseId);
        ServicePlan draft = plan(caseId);

        mvc.perform(post("/cases/{id}/plan/{pid}", caseId, draft.getId())
                        .param("version", String.valueOf(draft.getVersion()))
                        .param("goals", "孩子按时上学")
                        .param("activities[0].description", "没有选类型的活动")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择服务活动的类型")))
                .andExpect(content().string(containsString("没有选类型的活动")));

        assertThat(plan(caseId).getGoals()).isEmpty();
    }

    @Test
    void aVisitLoggedOnTheWorkspaceIsListedThereAndOnTheClientPage() throws Exception {
        UUID child = pages.registerChild(WORKER);
        UUID caseId = admit(pages.openCase(child, WORKER));

        mvc.perform(post("/cases/{id}/services", caseId)
                        .param("type", "HOME_VISIT")
                        .param("date", LocalDate.now().minusDays(1).toString())
                        .param("time", "09:30")
                        .param("durationMinutes", "45")
                        .param("place", "孩子家中")
                        .param("participants", "祖母")
                        .param("notes", "孩子由祖母照看，作业已完成")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/cases/" + caseId + "#services"));

        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("孩子由祖母照看，作业已完成")))
                .andExpect(content().string(containsString("09:30")))
                .andExpect(content().string(containsString("45分钟")));
        mvc.perform(get("/clients/{id}", child).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("孩子由祖母照看，作业已完成")))
                .andExpect(content()
                        .string(containsString(LocalDate.now().minusDays(1).toString())));
    }

    @Test
    void aFutureVisitIsRefusedWithTheMessageAndNotSaved() throws Exception {
        UUID caseId = admittedCase();

        mvc.perform(post("/cases/{id}/services", caseId)
                        .param("type", "PHONE_CALL")
                        .param("date", LocalDate.now().plusDays(3).toString())
                        .param("time", "10:00")
                        .param("notes", "将来的电话")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("服务时间不能晚于现在")));

        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(content().string(not(containsString("将来的电话"))));
    }

    @Test
    void aVillageDirectorLogsAVisitWithoutACase() throws Exception {
        UUID child = pages.registerChild(WORKER);

        mvc.perform(get("/clients/{id}", child).with(pages.as(DIRECTOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"next-due\"")))
                .andExpect(content().string(containsString("尚未探访")));
        mvc.perform(post("/clients/{id}/services", child)
                        .param("type", "HOME_VISIT")
                        .param("date", LocalDate.now().minusDays(1).toString())
                        .param("time", "16:00")
                        .param("notes", "儿童主任入户，孩子在家写作业")
                        .with(csrf())
                        .with(pages.as(DIRECTOR)))
                .andExpect(redirectedUrl("/clients/" + child + "#visits"));

        mvc.perform(get("/clients/{id}", child).with(pages.as(DIRECTOR)))
                .andExpect(content().string(containsString("儿童主任入户，孩子在家写作业")))
                .andExpect(content().string(not(containsString("尚未探访"))));
    }

    @Test
    void theObservationsTickedOnAPhoneShowWithTheVisitOnTheClientPage() throws Exception {
        UUID child = pages.registerChild(WORKER);
        var director = users.loadUserByUsername(DIRECTOR);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(director, null, director.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            Map<String, Object> observations = new LinkedHashMap<>();
            observations.put("childPresent", true);
            observations.put("guardianPresent", false);
            observations.put("livingConditions", "POOR");
            observations.put("needsFollowUp", true);
            serviceRecords.log(new ServiceRecordService.NewServiceRecord(
                    child,
                    null,
                    ServiceType.HOME_VISIT,
                    Instant.now().minusSeconds(3600),
                    20,
                    null,
                    null,
                    "手机上记录的走访",
                    null,
                    observations));
        } finally {
            SecurityContextHolder.clearContext();
        }

        mvc.perform(get("/clients/{id}", child).with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("手机上记录的走访")))
                .andExpect(content().string(containsString("儿童在场</span>：<span>是")))
                .andExpect(content().string(containsString("监护人在场</span>：<span>否")))
                .andExpect(content().string(containsString("生活条件</span>：<span>较差")))
                .andExpect(content().string(containsString("需要跟进</span>：<span>是")));
    }

    @Test
    void supervisorsWriteNotesThatTheWorkerReads() throws Exception {
        UUID caseId = admittedCase();

        mvc.perform(post("/cases/{id}/supervision", caseId)
                        .param("text", "请本周内联系孩子父母")
                        .with(csrf())
                        .with(pages.as(HEAD)))
                .andExpect(redirectedUrl("/cases/" + caseId + "#supervision"));
        mvc.perform(post("/cases/{id}/supervision", caseId)
                        .param("text", "")
                        .with(csrf())
                        .with(pages.as(HEAD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写督导记录内容")));

        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("请本周内联系孩子父母")))
                .andExpect(content().string(not(containsString("supervision-form"))));
        mvc.perform(post("/cases/{id}/supervision", caseId)
                        .param("text", "社工自己写的")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSupervisorReturnsOnlyWithCommentsThenApprovesFromTheCaseloadsList() throws Exception {
        UUID child = pages.registerChild(WORKER);
        JsonNode inReview = new CaseSteps(new Api(port)).inPlanReview(WORKER, child);
        UUID caseId = UUID.fromString(inReview.get("id").asString());
        ServicePlan submitted = plan(caseId);
        String number = stored(caseId).getCaseNumber();

        // the worker waits; the supervisor finds the case among the approvals waiting
        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("等待督导审批")))
                .andExpect(content().string(not(containsString("id=\"approve-plan\""))));
        mvc.perform(get("/caseload").with(pages.as(HEAD)))
                .andExpect(content().string(containsString("/cases/" + caseId)))
                .andExpect(content().string(containsString(number)));

        mvc.perform(post("/cases/{id}/plan/{pid}/return", caseId, submitted.getId())
                        .param("version", String.valueOf(submitted.getVersion()))
                        .param("comments", " ")
                        .with(csrf())
                        .with(pages.as(HEAD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("退回时请填写意见")));
        assertThat(plan(caseId).getStatus()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(stored(caseId).getState()).isEqualTo(CaseState.PLAN_REVIEW);

        mvc.perform(post("/cases/{id}/plan/{pid}/approve", caseId, submitted.getId())
                        .param("version", String.valueOf(submitted.getVersion()))
                        .param("comment", "同意")
                        .with(csrf())
                        .with(pages.as(HEAD)))
                .andExpect(redirectedUrl("/cases/" + caseId + "#plan"));
        assertThat(plan(caseId).getStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(stored(caseId).getState()).isEqualTo(CaseState.ACTIVE);

        // the worker marks an activity done; a date in the future is refused
        ServicePlan approved = plan(caseId);
        UUID activity = approved.getActivities().get(0).getId();
        mvc.perform(post("/cases/{id}/plan/{pid}/activities/{aid}/done", caseId, approved.getId(), activity)
                        .param("version", String.valueOf(approved.getVersion()))
                        .param("date", LocalDate.now().plusDays(5).toString())
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("活动完成日期不能晚于今天")));
        mvc.perform(post("/cases/{id}/plan/{pid}/activities/{aid}/done", caseId, approved.getId(), activity)
                        .param("version", String.valueOf(approved.getVersion()))
                        .param("date", LocalDate.now().minusDays(1).toString())
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/cases/" + caseId + "#plan"));
        assertThat(plan(caseId).getActivities().get(0).isDone()).isTrue();

        // every label of the new panels exists in both languages (a missing key renders as ??key??)
        for (String lang : new String[] {"zh-CN", "en"}) {
            for (String user : new String[] {WORKER, HEAD}) {
                mvc.perform(get("/cases/{id}", caseId)
                                .header("Accept-Language", lang)
                                .with(pages.as(user)))
                        .andExpect(status().isOk())
                        .andExpect(content().string(not(containsString("??"))));
            }
            mvc.perform(get("/clients/{id}", child)
                            .header("Accept-Language", lang)
                            .with(pages.as(WORKER)))
                    .andExpect(content().string(not(containsString("??"))));
            mvc.perform(get("/worklist").header("Accept-Language", lang).with(pages.as(HEAD)))
                    .andExpect(content().string(not(containsString("??"))));
            mvc.perform(get("/caseload").header("Accept-Language", lang).with(pages.as(HEAD)))
                    .andExpect(content().string(not(containsString("??"))));
        }
        mvc.perform(get("/cases/{id}", caseId).header("Accept-Language", "en").with(pages.as(WORKER)))
                .andExpect(content().string(containsString("Service plan")))
                .andExpect(content().string(containsString("Mark done")))
                .andExpect(content().string(not(containsString("登记完成"))));
    }

    private UUID admittedCase() throws Exception {
        return admit(pages.openCase(pages.registerChild(WORKER), WORKER));
    }

    private UUID admit(UUID caseId) throws Exception {
        mvc.perform(post("/cases/{id}/steps", caseId)
                        .param("action", "ADMIT")
                        .param("version", String.valueOf(stored(caseId).getVersion()))
                        .param("intakeBasis", "GUARDIAN_CONSENT")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/cases/" + caseId));
        return caseId;
    }

    private void startPlan(UUID caseId) throws Exception {
        mvc.perform(post("/cases/{id}/plan", caseId).with(csrf()).with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/cases/" + caseId + "#plan"));
    }

    /** The newest version with its goals and activities loaded. */
    private ServicePlan plan(UUID caseId) {
        return new TransactionTemplate(transactions).execute(tx -> {
            ServicePlan plan = planRepository
                    .findFirstByCaseIdOrderByVersionNumberDesc(caseId)
                    .orElseThrow();
            plan.getGoals().size();
            plan.getActivities().size();
            return plan;
        });
    }

    private CaseFile stored(UUID caseId) {
        return caseRepository.findById(caseId).orElseThrow();
    }
}
