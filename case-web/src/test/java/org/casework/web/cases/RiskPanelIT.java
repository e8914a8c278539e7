package org.casework.web.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.UUID;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.core.cases.CaseChanged;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseRepository;
import org.casework.core.cases.Stamp;
import org.casework.core.shared.RiskLevel;
import org.casework.it.IntegrationTest;
import org.casework.web.support.StationPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case's risk panel and the client page say why a level was proposed, which level is in force,
 * which level drives the client's visits and the rule for lowering it.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RiskPanelIT {

    private static final String WORKER = "station-guyang";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    CaseRepository caseRepository;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    StationPages pages;

    @BeforeEach
    void pages() {
        pages = new StationPages(mvc, users);
    }

    /** The rules propose red for the case (as a signed assessment of a child living alone would). */
    private void proposeRed(UUID caseId) {
        tx.executeWithoutResult(s -> {
            CaseFile c = caseRepository.findById(caseId).orElseThrow();
            c.proposeRisk(RiskLevel.RED, "lives_alone", new Stamp(WORKER, Instant.now()));
            caseRepository.save(c);
            // what CaseService.proposeRisk publishes: the client's visit schedule follows
            events.publishEvent(new CaseChanged(c.getId(), c.getPrimaryClientId()));
        });
    }

    private String page(String path, Object id) throws Exception {
        return mvc.perform(get(path, id).with(pages.as(WORKER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theWorkspaceSaysWhyTheLevelWasProposedAndWhatCountsAndOffersNoLowerLevel() throws Exception {
        UUID child = pages.registerChild(WORKER);
        UUID caseId = pages.openCase(child, WORKER);
        proposeRed(caseId);

        String html = page("/cases/{id}", caseId);
        assertThat(between(html, "id=\"proposal-why\"", "</span></span>")).contains("独自");
        assertThat(between(html, "id=\"effective-risk\"", "</span>")).contains("红");
        assertThat(html).contains("id=\"risk-rule\"").contains("须由督导");
        assertThat(between(html, "id=\"client-visit-level\"", "</dd>"))
                .contains("红")
                .contains(caseRepository.findById(caseId).orElseThrow().getCaseNumber());
        assertThat(between(html, "id=\"confirm-risk\"", "</form>"))
                .as("a worker is offered the proposal or above")
                .contains("value=\"RED\"")
                .doesNotContain("value=\"GREEN\"");
    }

    @Test
    void aWorkersLowerLevelIsRefusedOnThePageAndNothingChanges() throws Exception {
        UUID caseId = pages.openCase(pages.registerChild(WORKER), WORKER);
        proposeRed(caseId);
        long version = caseRepository.findById(caseId).orElseThrow().getVersion();

        String html = mvc.perform(post("/cases/{id}/risk", caseId)
                        .with(pages.as(WORKER))
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("override", "false")
                        .param("level", "GREEN")
                        .param("reason", "孩子其实很安全"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(between(html, "class=\"form-errors\"", "</div>")).contains("调低须由督导");
        assertThat(caseRepository.findById(caseId).orElseThrow().getRiskLevel()).isNull();
    }

    @Test
    void theClientPageSaysWhichLevelDrivesTheVisitsAndByWhichRule() throws Exception {
        UUID child = pages.registerChild(WORKER);
        UUID caseId = pages.openCase(child, WORKER);
        proposeRed(caseId);

        String html = page("/clients/{id}", child);
        assertThat(between(html, "id=\"visit-driven-by\"", "</dd>"))
                .contains(caseRepository.findById(caseId).orElseThrow().getCaseNumber());
        assertThat(between(html, "id=\"visit-rule\"", "</dd>")).contains("24小时");
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("%s on the page", start).isNotNegative();
        int to = html.indexOf(end, from);
        return html.substring(from, to < 0 ? html.length() : to);
    }
}
