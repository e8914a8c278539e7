package org.casework.core.assessments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.clients.ClientService;
import org.casework.core.flags.FlagSubjects;
import org.casework.core.risk.RegistryFactsReader;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments of clients with the instruments of the catalog. Works inside the caller's
 * jurisdiction: an assessment of a client the caller cannot see reads as not found. Scores are
 * always computed here from the stored answers, never taken from the caller.
 */
@Service
@RequiredArgsConstructor
public class AssessmentService {

    static final String ENTITY = "Assessment";
    private static final String REQUIRED = "assessment.answer.required";
    /** change_log.fields holds 1000 characters; beyond that the history names the answers as a whole. */
    private static final int MAX_FIELDS_LENGTH = 1000;

    private final AssessmentRepository assessments;
    private final InstrumentCatalog catalog;
    private final ClientService clients;
    private final CaseService cases;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final FlagSubjects flagSubjects;

    /**
     * Starts an empty draft of the newest version of the instrument for a client in scope. Refuses
     * an instrument that does not fit the client's age ({@link InstrumentFit}): no elderly ability
     * assessment for a child, no child protection assessment for an adult.
     */
    @Transactional
    public Assessment start(UUID clientId, UUID caseId, String instrumentCode) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        Client client = clients.get(clientId);
        if (instrumentCode != null && !InstrumentFit.fits(instrumentCode, client.ageOn(LocalDate.now(clock)))) {
            throw new InvalidInputException("instrument", "assessment.instrument.unfit");
        }
        if (caseId != null) {
            CaseFile caseFile = cases.get(caseId);
            if (!caseFile.getPrimaryClientId().equals(clientId)
                    && !caseFile.getMemberIds().contains(clientId)) {
                throw new InvalidInputException("caseId", "assessment.case.otherClient");
            }
        }
        InstrumentDefinition instrument = catalog.newest(instrumentCode);
        Assessment assessment = Assessment.start(clientId, caseId, instrument);
        // what the registry and the flags already say is filled in for the worker to confirm
        Map<String, Object> known = AssessmentPrefill.answers(instrument.code(), prefillFacts(client));
        if (!known.isEmpty()) {
            assessment.answer(AssessmentAnswers.draft(instrument, known), null);
        }
        assessment = assessments.save(assessment);
        audit.recordChange(
                ENTITY, assessment.getId(), "STARTED", null, instrument.key().toString(), actor.username());
        return assessment;
    }

    private AssessmentPrefill.Facts prefillFacts(Client client) {
        LocalDate today = LocalDate.now(clock);
        boolean parentsAway =
                client.getChildProfile() != null && client.getChildProfile().fitsLeftBehindDefinition();
        CategorySubType difficulty = client.getCategories().stream()
                .filter(c -> c.getType() == CategoryType.CHILD_IN_DIFFICULTY && c.isActiveOn(today))
                .map(ClientCategory::getSubType)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new AssessmentPrefill.Facts(parentsAway, difficulty, flagSubjects.typesAbout(client.getId()));
    }

    /**
     * Replaces a draft's answers. Checks them against the assessment's instrument version (unknown
     * items, types, options, bounds; required items may still be missing) and recomputes the result
     * when they are complete. Refuses a stale version and a signed assessment.
     */
    @Transactional
    public Assessment saveAnswers(UUID id, long expectedVersion, Map<String, ?> answers) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        Assessment assessment = find(id);
        assessment.checkVersion(expectedVersion);
        InstrumentDefinition instrument = catalog.get(assessment.instrument());
        AssessmentAnswers checked = AssessmentAnswers.draft(instrument, answers);
        ScoringResult result = checked.isComplete() ? scoreDraft(checked, person(assessment)) : null;
        List<String> changed = assessment.answer(checked, result);
        if (!changed.isEmpty()) {
            recordAnswered(assessment, changed, actor);
        }
        return assessments.saveAndFlush(assessment);
    }

    /** Writes the draft's 预估摘要. */
    @Transactional
    public Assessment saveSummary(UUID id, long expectedVersion, String summary) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        Assessment assessment = find(id);
        assessment.checkVersion(expectedVersion);
        assessment.summarise(summary);
        audit.recordChange(ENTITY, id, "SUMMARISED", List.of("summary"), actor.username());
        return assessments.saveAndFlush(assessment);
    }

    /**
     * Signs a draft in the caller's name. Its answers must be complete (the first missing item is
     * named) and summarised; the result is computed once more so that what is signed is what the
     * rules say today for these answers and this instrument version. A case still at intake moves on
     * to its assessment stage.
     */
    @Transactional
    public Assessment sign(UUID id, long expectedVersion) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        Assessment assessment = find(id);
        assessment.checkVersion(expectedVersion);
        if (!assessment.isSigned()) {
            InstrumentDefinition instrument = catalog.get(assessment.instrument());
            AssessmentAnswers checked = AssessmentAnswers.complete(instrument, assessment.getAnswers());
            assessment.answer(checked, catalog.score(checked, person(assessment)));
        }
        assessment.sign(actor.username(), clock.instant());
        audit.recordChange(ENTITY, id, "SIGNED", null, actor.username());
        ScoringResult result = assessment.result();
        if (assessment.getCaseId() != null) {
            cases.assessmentSigned(assessment.getCaseId());
        }
        if (assessment.getCaseId() != null && result != null && result.proposedRisk() != null) {
            // The rules propose; the worker confirms on the case (product.md, risk levels).
            cases.proposeRisk(assessment.getCaseId(), result.proposedRisk(), String.join(",", result.triggers()));
        } else if (assessment.getCaseId() == null) {
            // Outside a case the proposal bears on the client's own level (visits follow).
            events.publishEvent(new ClientAssessed(assessment.getClientId()));
        }
        return assessments.saveAndFlush(assessment);
    }

    /**
     * Starts a new draft that supersedes a signed assessment, with the newest version of its
     * instrument. The old one stays as it was. Only one reassessment per assessment: a second
     * one is refused so that the chain of reassessments never forks.
     */
    @Transactional
    public Assessment reassess(UUID id) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        Assessment previous = find(id);
        if (assessments.findBySupersedes(id).isPresent()) {
            throw new ConflictException("assessment.reassess.alreadySuperseded");
        }
        Assessment next = assessments.save(previous.reassess(catalog.newest(previous.getInstrumentCode())));
        audit.recordChange(
                ENTITY, next.getId(), "REASSESSED", null, "supersedes " + previous.getId(), actor.username());
        return next;
    }

    /** The assessment, if its client is in the caller's jurisdiction. */
    @Transactional(readOnly = true)
    public Assessment get(UUID id) {
        currentActor.require(Permission.READ_CLIENTS);
        return find(id);
    }

    /** The client's assessments, newest first, superseded ones included. */
    @Transactional(readOnly = true)
    public List<Assessment> listForClient(UUID clientId) {
        Actor actor = currentActor.require(Permission.READ_CLIENTS);
        clients.get(clientId);
        boolean seesCases = actor.has(Permission.READ_CASES);
        // Assessments made within a case belong to the case file, which village roles may not read.
        return assessments.findByClientIdOrderByCreatedAtDesc(clientId).stream()
                .filter(a -> seesCases || a.getCaseId() == null)
                .toList();
    }

    /** The instrument version an assessment was made with, for showing its form. */
    public InstrumentDefinition instrumentOf(Assessment assessment) {
        return catalog.get(assessment.instrument());
    }

    private Assessment find(UUID id) {
        Assessment assessment = assessments.findById(id).orElseThrow(() -> new NotFoundException("assessment"));
        try {
            clients.get(assessment.getClientId());
        } catch (NotFoundException outOfScope) {
            // Same answer as a missing id: probing assessment ids must not reveal other villages' clients.
            throw new NotFoundException("assessment");
        }
        if (assessment.getCaseId() != null && !currentActor.get().has(Permission.READ_CASES)) {
            // Part of a case file: those who may not read case files do not learn it exists.
            throw new NotFoundException("assessment");
        }
        return assessment;
    }

    /**
     * The result, or null while an answer the policy needs in this situation is missing: a draft
     * may be saved half done, and signing names the missing item. Wrong answers are still refused.
     */
    private ScoringResult scoreDraft(AssessmentAnswers checked, AssessedPerson person) {
        try {
            return catalog.score(checked, person);
        } catch (InvalidInputException e) {
            if (REQUIRED.equals(e.getMessageKey())) {
                return null;
            }
            throw e;
        }
    }

    /** Who is assessed, as the registry knows them today (age from the birth date, living alone). */
    private AssessedPerson person(Assessment assessment) {
        Client client = clients.get(assessment.getClientId());
        LocalDate today = LocalDate.now(clock);
        return new AssessedPerson(client.getBirthDate(), today, RegistryFactsReader.livesAlone(client, today));
    }

    private void recordAnswered(Assessment assessment, List<String> changed, Actor actor) {
        boolean fits = String.join(",", changed).length() <= MAX_FIELDS_LENGTH;
        audit.recordChange(
                ENTITY,
                assessment.getId(),
                "ANSWERED",
                fits ? changed : List.of("answers"),
                fits ? null : changed.size() + " items",
                actor.username());
    }
}
