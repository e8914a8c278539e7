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

import java.util.UUID;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseRepository;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.Stamp;
import org.casework.core.shared.RiskLevel;
import org.casework.it.IntegrationTest;
import org.casework.web.support.StationPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The case pages: opening from the client page, the list, steps, refusals and the risk forms. */
@IntegrationTest
@AutoConfigureMockMvc
class CaseWorkspaceIT {

    private static final String WORKER = "station-guyang";
    private static final String HEAD = "head-guyang";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    CaseRepository caseRepository;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    StationPages pages;

    @BeforeEach
    void pages() {
        pages = new StationPages(mvc, users);
    }

    @Test
    void aCaseOpenedFromTheClientPageIsListedThereAndInTheStationsCases() throws Exception {
        UUID child = pages.registerChild(WORKER);
        UUID caseId = pages.openCase(child, WORKER);
        String number = stored(caseId).getCaseNumber();

        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(view().name("cases/workspace"))
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("线索")))
                .andExpect(content().string(containsString("走访发现孩子独自在家")));
        mvc.perform(get("/clients/{id}", child).with(pages.as(WORKER)))
                .andExpect(content().string(containsString(number)));
        // a lead is not yet an open case (CaseState.isOpen): it shows under "all"
        mvc.perform(get("/cases").param("show", "all").with(pages.as(HEAD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)));
        admit(caseId);
        mvc.perform(get("/cases").with(pages.as(HEAD))).andExpect(content().string(containsString(number)));
    }

    @Test
    void theCaseListPutsTheMostUrgentFirst() throws Exception {
        UUID green = pages.openCase(pages.registerChild(WORKER), WORKER);
        UUID red = pages.openCase(pages.registerChild(WORKER), WORKER);
        admit(green);
        admit(red);
        confirmRisk(green, RiskLevel.GREEN);
        confirmRisk(red, RiskLevel.RED);

        String list = mvc.perform(get("/cases").with(pages.as(WORKER)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        // the newer green case would come first if the list were sorted by date
        assertThat(list.indexOf(stored(red).getCaseNumber()))
                .isPositive()
                .isLessThan(list.indexOf(stored(green).getCaseNumber()));
    }

    @Test
    void aRefusedStepShowsTheLocalizedMessageAndChangesNothing() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);
        long version = stored(caseId).getVersion();

        step(caseId, "START_ASSESSMENT")
                .andExpect(status().isOk())
                .andExpect(view().name("cases/workspace"))
                // state and step by their names, not their codes
                .andExpect(content().string(containsString("个案当前处于“线索”状态，不能执行“开始预估”")));

        CaseFile after = stored(caseId);
        assertThat(after.getState()).isEqualTo(CaseState.LEAD);
        assertThat(after.getVersion()).isEqualTo(version);
    }

    @Test
    void intakeOnStatutoryDutyWithoutTheLegalBasisIsRefusedNextToTheNote() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);

        mvc.perform(post("/cases/{id}/steps", caseId)
                        .param("action", "ADMIT")
                        .param("version", String.valueOf(stored(caseId).getVersion()))
                        .param("intakeBasis", "STATUTORY_DUTY")
                        .param("reason", "")
                        .header("Accept-Language", "en")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field has-error")))
                .andExpect(content().string(containsString("state the legal basis")));

        assertThat(stored(caseId).getState()).isEqualTo(CaseState.LEAD);
    }

    @Test
    void aStaleVersionIsRefused() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);

        mvc.perform(post("/cases/{id}/steps", caseId)
                        .param("action", "SCREEN")
                        .param("version", "7")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该记录已被他人修改")));

        assertThat(stored(caseId).getState()).isEqualTo(CaseState.LEAD);
    }

    @Test
    void stepsMoveTheCaseAndTheTimelineSaysWhoAndWhy() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);

        step(caseId, "SCREEN").andExpect(redirectedUrl("/cases/" + caseId));
        mvc.perform(post("/cases/{id}/steps", caseId)
                        .param("action", "ADMIT")
                        .param("version", String.valueOf(stored(caseId).getVersion()))
                        .param("intakeBasis", "GUARDIAN_CONSENT")
                        .param("reason", "祖母签字同意")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/cases/" + caseId));

        assertThat(stored(caseId).getState()).isEqualTo(CaseState.INTAKE);
        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("监护人同意")))
                .andExpect(content().string(containsString("祖母签字同意")))
                .andExpect(content().string(containsString("开始筛查")))
                // the next step is offered, the ones of earlier states are not
                .andExpect(content().string(containsString("value=\"START_ASSESSMENT\"")))
                .andExpect(content().string(not(containsString("value=\"SCREEN\""))));
    }

    @Test
    void onlyASupervisorMayGoBelowTheProposalAndOnlyWithAReason() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);
        tx.executeWithoutResult(s -> {
            CaseFile c = stored(caseId);
            c.proposeRisk(RiskLevel.RED, "lives_alone", new Stamp(WORKER, java.time.Instant.now()));
            caseRepository.save(c);
        });

        override(caseId, RiskLevel.ORANGE, "重新走访后调整", WORKER)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("调低须由督导")));
        override(caseId, RiskLevel.ORANGE, "", HEAD)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写原因")));
        assertThat(stored(caseId).getRiskLevel()).isNull();

        override(caseId, RiskLevel.ORANGE, "重新走访后调整", HEAD).andExpect(status().is3xxRedirection());

        assertThat(stored(caseId).getRiskLevel()).isEqualTo(RiskLevel.ORANGE);
        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(content().string(containsString("督导调整")))
                .andExpect(content().string(containsString("重新走访后调整")));
    }

    @Test
    void villageRolesSeeNoCases() throws Exception {
        UUID child = pages.registerChild(WORKER);
        UUID caseId = pages.openCase(child, WORKER);

        mvc.perform(get("/cases").with(pages.as("director-renzhuang"))).andExpect(status().isForbidden());
        mvc.perform(get("/cases/{id}", caseId).with(pages.as("director-renzhuang")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/clients/{id}", child).with(pages.as("director-renzhuang")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"cases\""))))
                .andExpect(content().string(not(containsString(stored(caseId).getCaseNumber()))));
        mvc.perform(post("/clients/{id}/cases", child)
                        .param("source", "VILLAGE_FLAG")
                        .with(csrf())
                        .with(pages.as("director-renzhuang")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherTownshipsStationCannotSeeTheCase() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);

        mvc.perform(get("/cases/{id}", caseId).with(pages.as("station-nanzhang")))
                .andExpect(status().isNotFound());
    }

    private ResultActions step(UUID caseId, String action) throws Exception {
        return mvc.perform(post("/cases/{id}/steps", caseId)
                .param("action", action)
                .param("version", String.valueOf(stored(caseId).getVersion()))
                .with(csrf())
                .with(pages.as(WORKER)));
    }

    @Test
    void aSupervisorReassignsAnOpenCaseAndAWorkerMayNot() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);
        admit(caseId);
        UUID head = users.loadUserByUsername(HEAD).actor().userId();

        mvc.perform(get("/cases/{id}", caseId).with(pages.as(HEAD)))
                .andExpect(content().string(containsString("id=\"reassign\"")));
        mvc.perform(get("/cases/{id}", caseId).with(pages.as(WORKER)))
                .andExpect(content().string(not(containsString("id=\"reassign\""))));

        long version = stored(caseId).getVersion();
        mvc.perform(post("/cases/{id}/reassign", caseId)
                        .with(pages.as(WORKER))
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("workerId", head.toString()))
                .andExpect(status().isForbidden());
        assertThat(stored(caseId).getVersion()).isEqualTo(version);

        mvc.perform(post("/cases/{id}/reassign", caseId)
                        .with(pages.as(HEAD))
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("workerId", head.toString()))
                .andExpect(redirectedUrl("/cases/" + caseId));
        assertThat(stored(caseId).getAssignedWorkerId()).isEqualTo(head);

        mvc.perform(post("/cases/{id}/reassign", caseId)
                        .with(pages.as(HEAD))
                        .with(csrf())
                        .param("version", String.valueOf(stored(caseId).getVersion()))
                        .param("workerId", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所选社工不属于该个案所在的社工站")));
    }

    private void admit(UUID caseId) throws Exception {
        mvc.perform(post("/cases/{id}/steps", caseId)
                        .param("action", "ADMIT")
                        .param("version", String.valueOf(stored(caseId).getVersion()))
                        .param("intakeBasis", "GUARDIAN_CONSENT")
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(redirectedUrl("/cases/" + caseId));
    }

    private void confirmRisk(UUID caseId, RiskLevel level) throws Exception {
        mvc.perform(post("/cases/{id}/risk", caseId)
                        .param("level", level.name())
                        .param("override", "false")
                        .param("version", String.valueOf(stored(caseId).getVersion()))
                        .with(csrf())
                        .with(pages.as(WORKER)))
                .andExpect(status().is3xxRedirection());
    }

    private ResultActions override(UUID caseId, RiskLevel level, String reason, String username) throws Exception {
        return mvc.perform(post("/cases/{id}/risk", caseId)
                .param("level", level.name())
                .param("reason", reason)
                .param("override", "true")
                .param("version", String.valueOf(stored(caseId).getVersion()))
                .with(csrf())
                .with(pages.as(username)));
    }

    private CaseFile stored(UUID caseId) {
        return caseRepository.findById(caseId).orElseThrow();
    }
}
