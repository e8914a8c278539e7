package org.casework.core.cases;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.UserAccount;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.audit.AuditTrail;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientService;
import org.casework.core.database.RetryableWrite;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationRepository;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.casework.core.shared.RiskLevel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and runs cases. Station workers see and work their township's cases, county supervisors
 * the county's; village roles see no case files. Supervisory steps need a supervisor, who may not
 * approve a case assigned to themselves.
 */
@Service
@RequiredArgsConstructor
public class CaseService {

    /** Steps that move a plan, not just the case: they go through the plans feature with the plan itself. */
    private static final Set<CaseAction> PLAN_STEPS =
            EnumSet.of(CaseAction.SUBMIT_PLAN, CaseAction.APPROVE_PLAN, CaseAction.RETURN_PLAN);

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final ClientService clients;
    private final OrganisationRepository organisations;
    private final UserAccountRepository users;
    private final SignedAssessments signedAssessments;
    private final PlanApprovalPolicy planApproval;
    private final FollowUpWindow followUpWindow;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** What a worker enters to open a case (a lead) for a registry client. */
    public record OpenCase(
            UUID clientId,
            CaseSource source,
            @Size(max = CaseFile.REASON_MAX_LENGTH) String reason,
            RiskLevel initialRisk,
            List<UUID> memberIds) {}

    /**
     * Opens a lead for a client the caller may see, owned by the station of the client's township
     * and assigned to the caller. The number is unique in the county and gap-free.
     */
    @RetryableWrite
    @Transactional
    public CaseFile open(OpenCase command) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        if (command.clientId() == null) {
            throw new InvalidInputException("clientId", "case.client.required");
        }
        Client client = clients.get(command.clientId());
        String village = client.getResidenceRegionCode();
        Organisation station = organisations
                .findFirstByTypeAndRegionCode(OrganisationType.TOWNSHIP_STATION, village.substring(0, 9))
                .orElseThrow(() -> new DomainException("case.station.missing"));
        String number =
                numbers.next(village.substring(0, 6), LocalDate.now(clock).getYear());
        CaseFile caseFile = new CaseFile(
                number,
                client.getId(),
                client.residenceRegion(),
                station.getId(),
                actor.userId(),
                command.source(),
                command.reason(),
                stamp(actor));
        if (command.initialRisk() != null) {
            caseFile.proposeRisk(command.initialRisk(), command.reason(), stamp(actor));
        }
        if (command.memberIds() != null) {
            command.memberIds().forEach(memberId -> {
                clients.get(memberId);
                caseFile.involve(memberId);
            });
        }
        cases.save(caseFile);
        audit.recordChange("Case", caseFile.getId(), "CREATED", null, actor.username());
        return changed(caseFile);
    }

    /** The case with its history, if the caller may read cases of its village. */
    @Transactional(readOnly = true)
    public CaseFile get(UUID id) {
        return withHistory(find(currentActor.require(Permission.READ_CASES), id));
    }

    /**
     * Cases in the caller's jurisdiction, most urgent risk first; {@code open} limits to open
     * states, a worker id to one caseload.
     */
    @Transactional(readOnly = true)
    public Page<CaseFile> search(boolean open, UUID workerId, Pageable pageable) {
        Actor actor = currentActor.require(Permission.READ_CASES);
        Set<CaseState> states = open
                ? EnumSet.copyOf(List.of(CaseState.values()).stream()
                        .filter(CaseState::isOpen)
                        .toList())
                : EnumSet.allOf(CaseState.class);
        return cases.searchInScope(actor.scopePattern(), states, workerId, pageable);
    }

    /** Cases of one registry client that the caller may see. */
    @Transactional(readOnly = true)
    public List<CaseFile> forClient(UUID clientId) {
        Actor actor = currentActor.require(Permission.READ_CASES);
        clients.get(clientId);
        return cases.findForClientInScope(clientId, actor.scopePattern());
    }

    /**
     * Performs one lifecycle step; refuses a stale version, an illegal step or a missing guard. The
     * plan steps are refused here: a plan is submitted, approved or returned through its plan.
     */
    @RetryableWrite
    @Transactional
    public CaseFile transition(UUID id, long expectedVersion, TransitionRequest request) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        if (request == null || request.action() == null) {
            throw new InvalidInputException("action", "case.action.required");
        }
        if (PLAN_STEPS.contains(request.action())) {
            throw new InvalidInputException("action", "case.plan.usePlanEndpoint");
        }
        CaseFile caseFile = find(actor, id);
        caseFile.checkVersion(expectedVersion);
        if (request.action().isSupervisory()) {
            requireSupervisorOf(actor, caseFile);
        }
        Stamp stamp = stamp(actor);
        String reason = request.reason();
        switch (request.action()) {
            case SCREEN -> caseFile.startScreening(stamp);
            case DECLINE -> caseFile.declineToOpen(reason, stamp);
            case ADMIT -> caseFile.admit(request.intakeBasis(), reason, stamp);
            case START_ASSESSMENT -> caseFile.startAssessment(stamp);
            case SUBMIT_PLAN, APPROVE_PLAN, RETURN_PLAN -> throw new IllegalStateException("refused above");
            case REASSESS -> caseFile.reassess(reason, stamp);
            case EVALUATE -> caseFile.evaluate(reason, stamp);
            case REQUEST_CLOSURE -> caseFile.requestClosure(request.closureReason(), request.followUpPlan(), stamp);
            case APPROVE_CLOSURE -> caseFile.approveClosure(reason, clock.getZone(), stamp);
            case RETURN_CLOSURE -> caseFile.returnClosure(reason, stamp);
            case RECORD_FOLLOW_UP -> caseFile.recordFollowUp(reason, followUpWindow, clock.getZone(), stamp);
            case ARCHIVE -> caseFile.archive(stamp);
            case SUSPEND -> caseFile.suspend(reason, stamp);
            case RESUME -> caseFile.resume(stamp);
            case TRANSFER -> caseFile.transfer(reason, stamp);
            case REOPEN -> caseFile.reopen(reason, stamp);
        }
        CaseFile saved = cases.saveAndFlush(caseFile);
        switch (request.action()) {
            case REQUEST_CLOSURE ->
                events.publishEvent(new ApprovalRequested(saved.getId(), ApprovalKind.CLOSURE, actor.userId()));
            case APPROVE_CLOSURE ->
                events.publishEvent(new ApprovalDecided(saved.getId(), ApprovalKind.CLOSURE, true, actor.userId()));
            case RETURN_CLOSURE ->
                events.publishEvent(new ApprovalDecided(saved.getId(), ApprovalKind.CLOSURE, false, actor.userId()));
            default -> {}
        }
        return withHistory(changed(saved));
    }

    /**
     * The case side of submitting its service plan, inside the plan's transaction: needs a signed
     * assessment; goes to PLAN_REVIEW when the approval policy wants a supervisor (always for red
     * and orange), else straight to ACTIVE. For the plans feature only.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseFile submitPlan(UUID id) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        CaseFile caseFile = find(actor, id);
        caseFile.submitPlan(signedAssessments.existFor(id), planApproval, stamp(actor));
        return withHistory(cases.saveAndFlush(caseFile));
    }

    /** A supervisor (not the case's own worker) approves the plan under review. For the plans feature only. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseFile approvePlan(UUID id, String comment) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        CaseFile caseFile = find(actor, id);
        requireSupervisorOf(actor, caseFile);
        caseFile.approvePlan(comment, stamp(actor));
        return withHistory(cases.saveAndFlush(caseFile));
    }

    /** A supervisor returns the plan under review, with comments. For the plans feature only. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseFile returnPlan(UUID id, String comments) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        CaseFile caseFile = find(actor, id);
        requireSupervisorOf(actor, caseFile);
        caseFile.returnPlan(comments, stamp(actor));
        return withHistory(cases.saveAndFlush(caseFile));
    }

    /**
     * Decides the case's risk level. Anyone who works the case may confirm the rules' proposal or
     * raise it; a level below the proposal is an override that only a supervisor of the case (not its
     * own worker) may make, with a reason, whatever the request claims (product.md). Taking a red or
     * orange case down to yellow or green tells the township's station supervisors.
     */
    @RetryableWrite
    @Transactional
    public CaseFile setRisk(UUID id, long expectedVersion, RiskLevel level, String reason) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        CaseFile caseFile = find(actor, id);
        caseFile.checkVersion(expectedVersion);
        RiskLevel before = caseFile.effectiveRisk();
        RiskLevel proposed = caseFile.getProposedRiskLevel();
        boolean supervisor = actor.has(Permission.SUPERVISE_CASES);
        if (supervisor && level != null && caseFile.isBelowProposal(level)) {
            requireSupervisorOf(actor, caseFile); // not on a case assigned to themselves
        }
        // a worker's lower level is refused by the case itself, naming the proposal and the rule
        caseFile.decideRisk(level, reason, supervisor, stamp(actor));
        RiskLevel highBefore = before != null && before.isHigh() ? before : proposed;
        if (highBefore != null && highBefore.isHigh() && !level.isHigh()) {
            events.publishEvent(new RiskLowered(caseFile.getId(), highBefore, level, actor.userId()));
        }
        return withHistory(changed(cases.saveAndFlush(caseFile)));
    }

    /** Records the rules' proposal (from an assessment); the worker still confirms. */
    @RetryableWrite
    @Transactional
    public void proposeRisk(UUID id, RiskLevel level, String why) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        CaseFile caseFile = find(actor, id);
        caseFile.proposeRisk(level, why, stamp(actor));
        changed(caseFile);
    }

    /**
     * The assessments feature signed an assessment of the case, in its transaction: a case still at
     * intake moves on to ASSESSING (see {@link CaseFile#assessmentSigned}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assessmentSigned(UUID id) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        CaseFile caseFile = find(actor, id);
        if (caseFile.assessmentSigned(stamp(actor))) {
            changed(cases.saveAndFlush(caseFile));
        }
    }

    /** A supervisor hands the case to another worker of the same station. */
    @RetryableWrite
    @Transactional
    public CaseFile reassign(UUID id, long expectedVersion, UUID workerId) {
        Actor actor = currentActor.require(Permission.SUPERVISE_CASES);
        CaseFile caseFile = find(actor, id);
        caseFile.checkVersion(expectedVersion);
        UserAccount worker = users.findById(workerId == null ? new UUID(0, 0) : workerId)
                .filter(UserAccount::isEnabled)
                .filter(u -> caseFile.getStationId().equals(u.getOrganisationId()))
                .filter(u -> u.getRole().has(Permission.WRITE_CASES))
                .orElseThrow(() -> new InvalidInputException("workerId", "case.worker.notInStation"));
        caseFile.reassign(worker.getId(), stamp(actor));
        // Devices of the old and the new worker follow (the case moves between their sync scopes).
        return withHistory(changed(cases.saveAndFlush(caseFile)));
    }

    private void requireSupervisorOf(Actor actor, CaseFile caseFile) {
        if (!actor.has(Permission.SUPERVISE_CASES)) {
            throw new AccessDeniedException("case.supervisorOnly");
        }
        if (actor.userId().equals(caseFile.getAssignedWorkerId())) {
            throw new AccessDeniedException("case.approval.ownCase");
        }
    }

    /**
     * The case side of a referral completed by a partner department, inside the referral's
     * transaction: the result and its text go on the case timeline, the state stays. The referrals
     * feature has checked the receiver (a liaison has no case rights, so no case scope applies here).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordReferralResult(UUID id, String result, String summary) {
        Actor actor = currentActor.get();
        CaseFile caseFile = cases.findById(id).orElseThrow(() -> new NotFoundException("case"));
        caseFile.recordReferralResult(result, summary, stamp(actor));
        cases.save(caseFile);
    }

    /** Lets what depends on the client's open cases (visit schedules) follow, in this transaction. */
    private CaseFile changed(CaseFile caseFile) {
        events.publishEvent(new CaseChanged(caseFile.getId(), caseFile.getPrimaryClientId()));
        return caseFile;
    }

    /** Loads the histories callers show, inside the transaction (open-in-view is off). */
    private static CaseFile withHistory(CaseFile caseFile) {
        caseFile.getTransitions().size();
        caseFile.getRiskHistory().size();
        caseFile.getMemberIds().size();
        return caseFile;
    }

    private CaseFile find(Actor actor, UUID id) {
        return cases.findInScope(id, actor.scopePattern()).orElseThrow(() -> new NotFoundException("case"));
    }

    private Stamp stamp(Actor actor) {
        return new Stamp(actor.username(), clock.instant());
    }
}
