package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.casework.core.audit.AuditTrail;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.cases.CaseSource;
import org.casework.core.cases.Stamp;
import org.casework.core.clients.ClientService;
import org.casework.core.security.Actor;
import org.casework.core.security.ActorDetails;
import org.casework.core.security.Role;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.casework.core.shared.StaleVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The service over a real database (H2, MySQL mode, Flyway). The client registry is replaced: its
 * scoping has its own tests; here a client is in scope unless the registry says not found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AssessmentServiceTest {

    @Autowired
    AssessmentService service;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @MockitoBean
    ClientService clients;

    @MockitoBean
    CaseService cases;

    private UUID clientId;

    @BeforeEach
    void aStationWorkerWithAClient() {
        actAs(Role.STATION_WORKER);
        clientId = TestClients.insert(jdbc);
        when(clients.get(clientId)).thenReturn(TestClients.aChild(clientId));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private static void actAs(Role role) {
        Actor actor = new Actor(UUID.randomUUID(), "wang.fang", role, RegionCode.parse("410225100"), UUID.randomUUID());
        ActorDetails details = new ActorDetails(actor, "{noop}x", true, false);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
    }

    private void clientOutOfScope(UUID id) {
        when(clients.get(id)).thenThrow(new NotFoundException("client"));
    }

    private static Map<String, Object> abandonedChild() {
        Map<String, Object> answers = Instruments.childWithoutConcern();
        answers.put("mr_abandoned_or_uncared", true);
        return answers;
    }

    private Assessment signedChildAssessment() {
        Assessment assessment = service.start(clientId, null, "child-protection");
        assessment = service.saveAnswers(assessment.getId(), assessment.getVersion(), abandonedChild());
        assessment = service.saveSummary(assessment.getId(), assessment.getVersion(), "长期无人照料，已报警。");
        return service.sign(assessment.getId(), assessment.getVersion());
    }

    private UUID aCaseOf(UUID client) {
        UUID caseId = UUID.randomUUID();
        CaseFile caseFile = new CaseFile(
                "410225-2026-00001",
                client,
                RegionCode.parse("410225100201"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                CaseSource.OUTREACH,
                "摸排发现",
                new Stamp("wang.fang", Instant.now()));
        when(cases.get(caseId)).thenReturn(caseFile);
        return caseId;
    }

    @Test
    void refusesToAttachAnAssessmentToAnotherClientsCase() {
        UUID caseId = aCaseOf(UUID.randomUUID());

        assertThatThrownBy(() -> service.start(clientId, caseId, "child-protection"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.case.otherClient");
    }

    @Test
    void startsADraftOfTheNewestVersionAndRecordsIt() {
        when(clients.get(clientId)).thenReturn(TestClients.anElderlyMan(clientId));
        UUID caseId = aCaseOf(clientId);

        Assessment assessment = service.start(clientId, caseId, "elderly-ability-gbt42195");

        assertThat(assessment.instrument()).isEqualTo(Instruments.GBT42195.key());
        assertThat(assessment.getCaseId()).isEqualTo(caseId);
        assertThat(assessment.getStatus()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(audit.historyOf(assessment.getId()))
                .extracting(ChangeLogEntry::getAction, ChangeLogEntry::getActor)
                .containsExactly(tuple("STARTED", "wang.fang"));
    }

    @Test
    void refusesToStartForAClientOutOfScope() {
        clientOutOfScope(clientId);

        assertThatThrownBy(() -> service.start(clientId, null, "child-protection"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesAnElderlyInstrumentForAChild() {
        assertThatThrownBy(() -> service.start(clientId, null, "elderly-ability-gbt42195"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.instrument.unfit");
    }

    @Test
    void refusesAnUnknownInstrument() {
        assertThatThrownBy(() -> service.start(clientId, null, "iq-test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.instrument.unknown");
    }

    @Test
    void aDepartmentLiaisonCannotAssess() {
        actAs(Role.DEPARTMENT_LIAISON);

        assertThatThrownBy(() -> service.start(clientId, null, "child-protection"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void computesTheResultOnTheServerWhenAnswersAreComplete() {
        Assessment assessment = service.start(clientId, null, "child-protection");

        Assessment saved = service.saveAnswers(assessment.getId(), assessment.getVersion(), abandonedChild());

        assertThat(saved.getVersion()).isEqualTo(assessment.getVersion() + 1);
        assertThat(saved.getProposedRisk()).isEqualTo(RiskLevel.RED);
        assertThat(saved.isMandatoryReport()).isTrue();
        assertThat(saved.triggerList()).containsExactly("mr_abandoned_or_uncared");
        assertThat(audit.historyOf(saved.getId()).get(0).fieldList()).contains("mr_abandoned_or_uncared", "age_years");
    }

    @Test
    void aScoreCannotBeSmuggledInWithTheAnswers() {
        Assessment assessment = service.start(clientId, null, "tekun-self-care-henan");

        assertThatThrownBy(() -> service.saveAnswers(
                        assessment.getId(), assessment.getVersion(), Map.of("eating", true, "outcome", "CAPABLE")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.answer.unknownItem");
        assertThat(service.get(assessment.getId()).getAnswers()).isEmpty();
    }

    @Test
    void keepsAHalfDoneDraftWithoutAResult() {
        Assessment assessment = service.start(clientId, null, "tekun-self-care-henan");

        Assessment saved = service.saveAnswers(assessment.getId(), assessment.getVersion(), Map.of("eating", false));

        assertThat(saved.isComplete()).isFalse();
        assertThat(saved.getOutcome()).isNull();
        assertThat(saved.getAnswers()).containsEntry("eating", false);
    }

    @Test
    void aDraftMissingAnAnswerTheSituationNeedsIsKeptAndSigningNamesIt() {
        Map<String, Object> answers = Instruments.childWithoutConcern();
        answers.put("parents_away", true); // so the carer questions must be answered
        Assessment assessment = service.start(clientId, null, "child-protection");
        Assessment saved = service.saveAnswers(assessment.getId(), assessment.getVersion(), answers);
        Assessment summarised = service.saveSummary(saved.getId(), saved.getVersion(), "父母外出务工。");

        assertThat(saved.isComplete()).isFalse();
        assertThatThrownBy(() -> service.sign(summarised.getId(), summarised.getVersion()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.answer.required")
                .extracting("field")
                .isEqualTo("carer_named");
    }

    @Test
    void refusesAStaleVersion() {
        Assessment assessment = service.start(clientId, null, "tekun-self-care-henan");
        service.saveAnswers(assessment.getId(), assessment.getVersion(), Map.of("eating", true));

        assertThatThrownBy(
                        () -> service.saveAnswers(assessment.getId(), assessment.getVersion(), Map.of("eating", false)))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void signingNamesTheFirstMissingItem() {
        Assessment assessment = service.start(clientId, null, "tekun-self-care-henan");
        Assessment saved = service.saveAnswers(
                assessment.getId(), assessment.getVersion(), Map.of("eating", true, "dressing", true));

        assertThatThrownBy(() -> service.sign(saved.getId(), saved.getVersion()))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("bed_transfer");
    }

    @Test
    void signingAnAssessmentOfACaseTellsTheCase() {
        UUID caseId = aCaseOf(clientId);
        Assessment assessment = service.start(clientId, caseId, "child-protection");
        assessment = service.saveAnswers(assessment.getId(), assessment.getVersion(), abandonedChild());
        assessment = service.saveSummary(assessment.getId(), assessment.getVersion(), "长期无人照料，已报警。");

        service.sign(assessment.getId(), assessment.getVersion());

        verify(cases).assessmentSigned(caseId);
    }

    @Test
    void signsInTheCallersName() {
        Assessment signed = signedChildAssessment();

        assertThat(signed.isSigned()).isTrue();
        assertThat(signed.getSignedBy()).isEqualTo("wang.fang");
        assertThat(signed.getSignedAt()).isNotNull();
        assertThat(audit.historyOf(signed.getId()))
                .extracting(ChangeLogEntry::getAction)
                .contains("SIGNED", "SUMMARISED", "ANSWERED", "STARTED");
    }

    @Test
    void aSignedAssessmentRefusesEveryChange() {
        Assessment signed = signedChildAssessment();

        assertThatThrownBy(() -> service.saveAnswers(signed.getId(), signed.getVersion(), abandonedChild()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("assessment.signed.immutable");
        assertThatThrownBy(() -> service.saveSummary(signed.getId(), signed.getVersion(), "改写"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("assessment.signed.immutable");
        assertThatThrownBy(() -> service.sign(signed.getId(), signed.getVersion()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("assessment.signed.immutable");
        assertThat(service.get(signed.getId()).getVersion()).isEqualTo(signed.getVersion());
    }

    @Test
    void reassessmentKeepsTheOldOneAndNeverForks() {
        Assessment signed = signedChildAssessment();

        Assessment next = service.reassess(signed.getId());

        assertThat(next.getSupersedes()).isEqualTo(signed.getId());
        assertThat(next.getStatus()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(service.get(signed.getId()).isSigned()).isTrue();
        assertThat(service.listForClient(clientId))
                .extracting(Assessment::getId)
                .containsExactlyInAnyOrder(signed.getId(), next.getId());
        assertThatThrownBy(() -> service.reassess(signed.getId()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("assessment.reassess.alreadySuperseded");
    }

    @Test
    void anAssessmentOfAClientOutOfScopeReadsAsNotFound() {
        Assessment assessment = service.start(clientId, null, "household-needs");
        clientOutOfScope(clientId);

        assertThatThrownBy(() -> service.get(assessment.getId()))
                .isInstanceOf(NotFoundException.class)
                .extracting("arguments")
                .isEqualTo(new Object[] {"assessment"});
        assertThatThrownBy(() -> service.saveAnswers(assessment.getId(), 0, Map.of()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.listForClient(clientId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownIdReadsAsNotFound() {
        assertThatThrownBy(() -> service.get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void readingNeedsThePermissionToReadClients() {
        Assessment assessment = service.start(clientId, null, "household-needs");
        actAs(Role.ADMINISTRATOR);

        assertThatThrownBy(() -> service.get(assessment.getId())).isInstanceOf(AccessDeniedException.class);
    }
}
