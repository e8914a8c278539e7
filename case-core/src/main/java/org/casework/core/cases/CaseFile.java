package org.casework.core.cases;

import static org.casework.core.cases.CaseState.ACTIVE;
import static org.casework.core.cases.CaseState.ARCHIVED;
import static org.casework.core.cases.CaseState.ASSESSING;
import static org.casework.core.cases.CaseState.CLOSED;
import static org.casework.core.cases.CaseState.CLOSURE_REVIEW;
import static org.casework.core.cases.CaseState.EVALUATING;
import static org.casework.core.cases.CaseState.FOLLOW_UP;
import static org.casework.core.cases.CaseState.INTAKE;
import static org.casework.core.cases.CaseState.LEAD;
import static org.casework.core.cases.CaseState.NOT_OPENED;
import static org.casework.core.cases.CaseState.PLAN_REVIEW;
import static org.casework.core.cases.CaseState.SCREENING;
import static org.casework.core.cases.CaseState.SUSPENDED;
import static org.casework.core.cases.CaseState.TRANSFERRED;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;

/**
 * A case (个案) through the lifecycle of MZ/T 094-2017. Every transition is a method that checks
 * its guard, refuses an illegal move with a message key, and appends who/when/why to the history.
 * Named CaseFile because CASE is a reserved word in JPQL and SQL.
 */
@Entity(name = "CaseFile")
@Table(name = "case_file")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CaseFile extends AbstractAggregate {

    /** The results a referral can come back with (the referrals feature's codes; cases may not import it). */
    static final Set<String> REFERRAL_RESULTS = Set.of("PROVIDED", "PARTLY_PROVIDED", "NOT_PROVIDED");

    /** Reasons and comments of a lifecycle step (kept with the step). */
    public static final int REASON_MAX_LENGTH = 1000;

    public static final int INTAKE_NOTE_MAX_LENGTH = 500;
    public static final int EVALUATION_MAX_LENGTH = 2000;
    public static final int FOLLOW_UP_PLAN_MAX_LENGTH = 1000;
    public static final int RISK_REASON_MAX_LENGTH = 500;

    @Column(nullable = false, unique = true, length = 20)
    private String caseNumber;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID primaryClientId;

    /** The client's village when the case was opened: decides who may see the case. */
    @Column(nullable = false, length = 12)
    private String regionCode;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID stationId;

    @Column(columnDefinition = "BINARY(16)")
    private UUID assignedWorkerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private CaseSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseState state;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private CaseState stateBeforeSuspension;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private RiskLevel riskLevel;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private RiskLevel proposedRiskLevel;

    /**
     * The level that counts (kept in a column so lists sort and count by it in SQL): the decided
     * level, raised at once by a newer, more urgent proposal; the proposal while nothing is decided.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "effective_risk_level", length = 10)
    private RiskLevel effectiveRiskLevel;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private IntakeBasis intakeBasis;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "intake_note_enc", columnDefinition = "TEXT")
    private String intakeNote;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "evaluation_enc", columnDefinition = "TEXT")
    private String evaluation;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private ClosureReason closureReason;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "follow_up_plan_enc", columnDefinition = "TEXT")
    private String followUpPlan;

    private Instant closedAt;

    private LocalDate firstFollowUpDue;

    private LocalDate secondFollowUpDue;

    private int followUpsDone;

    @Column(nullable = false)
    private Instant openedAt;

    /**
     * While the case waits for a supervisor (PLAN_REVIEW, CLOSURE_REVIEW): the day in China of its
     * latest transition into that state, which orders the supervisors' approvals (issue 14); null in
     * every other state. Kept on every transition, so the worklist reads it from an index instead
     * of computing it from the history for each case.
     */
    private LocalDate awaitingApprovalSince;

    /** Household members involved besides the primary client. */
    @ElementCollection
    @CollectionTable(name = "case_member", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "client_id", columnDefinition = "BINARY(16)")
    private Set<UUID> memberIds = new HashSet<>();

    @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL)
    @OrderBy("occurredAt")
    private List<CaseTransition> transitions = new ArrayList<>();

    @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL)
    @OrderBy("occurredAt")
    private List<RiskChange> riskHistory = new ArrayList<>();

    /** Opens a lead: the start of every case, whatever its source. */
    public CaseFile(
            String caseNumber,
            UUID primaryClientId,
            RegionCode village,
            UUID stationId,
            UUID assignedWorkerId,
            CaseSource source,
            String reason,
            Stamp stamp) {
        if (source == null) {
            throw new InvalidInputException("source", "case.source.required");
        }
        String why = required(reason, "reason", REASON_MAX_LENGTH);
        this.caseNumber = caseNumber;
        this.primaryClientId = primaryClientId;
        this.regionCode = village.value();
        this.stationId = stationId;
        this.assignedWorkerId = assignedWorkerId;
        this.source = source;
        this.state = LEAD;
        this.openedAt = stamp.at();
        transitions.add(new CaseTransition(this, null, LEAD, "OPEN_LEAD", why, stamp.actor(), stamp.at()));
    }

    public void startScreening(Stamp stamp) {
        move(Set.of(LEAD), SCREENING, "SCREEN", null, stamp);
    }

    /** Decides not to open a case (or refers out); the reason is mandatory. */
    public void declineToOpen(String reason, Stamp stamp) {
        move(Set.of(LEAD, SCREENING), NOT_OPENED, "NOT_OPENED", required(reason, "reason", REASON_MAX_LENGTH), stamp);
    }

    /** Intake needs the client's or guardian's consent, or the legal basis for acting without it. */
    public void admit(IntakeBasis basis, String note, Stamp stamp) {
        if (basis == null) {
            throw new InvalidInputException("intakeBasis", "case.intake.basisRequired");
        }
        if (basis == IntakeBasis.STATUTORY_DUTY && isBlank(note)) {
            throw new InvalidInputException("intakeNote", "case.intake.legalBasisRequired");
        }
        String intake = optional(note, "intakeNote", INTAKE_NOTE_MAX_LENGTH);
        move(Set.of(LEAD, SCREENING), INTAKE, "INTAKE", intake, stamp);
        this.intakeBasis = basis;
        this.intakeNote = intake;
    }

    public void startAssessment(Stamp stamp) {
        move(Set.of(INTAKE), ASSESSING, "START_ASSESSMENT", null, stamp);
    }

    /**
     * An assessment of the case was signed. A case still at intake has evidently started its
     * assessment (预估): it moves on to ASSESSING, as if the step had been taken, so the plan is not
     * refused for a step the worker never saw. In any other state nothing changes.
     *
     * @return whether the case moved
     */
    public boolean assessmentSigned(Stamp stamp) {
        if (state != INTAKE) {
            return false;
        }
        move(Set.of(INTAKE), ASSESSING, "START_ASSESSMENT", null, stamp);
        return true;
    }

    /** Back from intervention to assessment, when the situation changed. */
    public void reassess(String reason, Stamp stamp) {
        move(Set.of(ACTIVE), ASSESSING, "REASSESS", required(reason, "reason", REASON_MAX_LENGTH), stamp);
    }

    /**
     * Submits the service plan. There must be a signed assessment; whether a supervisor must approve
     * is the policy's call (always for red and orange).
     */
    public void submitPlan(boolean hasSignedAssessment, PlanApprovalPolicy policy, Stamp stamp) {
        if (!hasSignedAssessment) {
            throw new DomainException("case.plan.needsSignedAssessment");
        }
        if (policy.requiresApproval(effectiveRisk())) {
            move(Set.of(ASSESSING), PLAN_REVIEW, "SUBMIT_PLAN", null, stamp);
        } else {
            move(Set.of(ASSESSING), ACTIVE, "PLAN_ACCEPTED_WITHOUT_REVIEW", null, stamp);
        }
    }

    public void approvePlan(String comment, Stamp stamp) {
        move(Set.of(PLAN_REVIEW), ACTIVE, "APPROVE_PLAN", optional(comment, "comment", REASON_MAX_LENGTH), stamp);
    }

    public void returnPlan(String comments, Stamp stamp) {
        move(Set.of(PLAN_REVIEW), ASSESSING, "RETURN_PLAN", required(comments, "comments", REASON_MAX_LENGTH), stamp);
    }

    /** Evaluation (评估) of what the intervention achieved; required before closure. */
    public void evaluate(String summary, Stamp stamp) {
        move(Set.of(ACTIVE, EVALUATING), EVALUATING, "EVALUATE", null, stamp);
        this.evaluation = required(summary, "evaluation", EVALUATION_MAX_LENGTH);
    }

    /** Asks a supervisor to close: needs the evaluation, a listed reason and a follow-up plan. */
    public void requestClosure(ClosureReason reason, String followUp, Stamp stamp) {
        if (state == EVALUATING && isBlank(evaluation)) {
            throw new DomainException("case.closure.needsEvaluation");
        }
        if (reason == null) {
            throw new InvalidInputException("closureReason", "case.closure.reasonRequired");
        }
        String plan = optional(followUp, "followUpPlan", FOLLOW_UP_PLAN_MAX_LENGTH);
        if (reason.needsFollowUp() && plan == null) {
            throw new InvalidInputException("followUpPlan", "case.closure.followUpRequired");
        }
        move(Set.of(EVALUATING), CLOSURE_REVIEW, "REQUEST_CLOSURE", reason.name(), stamp);
        this.closureReason = reason;
        this.followUpPlan = plan;
    }

    /** Closes the case; follow-ups fall due one and three months later (Asia/Shanghai days). */
    public void approveClosure(String comment, ZoneId zone, Stamp stamp) {
        move(Set.of(CLOSURE_REVIEW), CLOSED, "APPROVE_CLOSURE", optional(comment, "comment", REASON_MAX_LENGTH), stamp);
        this.closedAt = stamp.at();
        if (closureReason.needsFollowUp()) {
            LocalDate closedOn = LocalDate.ofInstant(stamp.at(), zone);
            this.firstFollowUpDue = closedOn.plusMonths(1);
            this.secondFollowUpDue = closedOn.plusMonths(3);
        }
    }

    public void returnClosure(String comments, Stamp stamp) {
        move(
                Set.of(CLOSURE_REVIEW),
                EVALUATING,
                "RETURN_CLOSURE",
                required(comments, "comments", REASON_MAX_LENGTH),
                stamp);
    }

    /**
     * Records a follow-up contact: the first (1 month) moves to FOLLOW_UP, the second (3 months)
     * archives. Each may be recorded once its window opens, shortly before its due day.
     */
    public void recordFollowUp(String note, FollowUpWindow window, ZoneId zone, Stamp stamp) {
        String text = required(note, "note", REASON_MAX_LENGTH);
        boolean first = state == CLOSED;
        LocalDate due = first ? firstFollowUpDue : secondFollowUpDue;
        if (due != null && (state == CLOSED || state == FOLLOW_UP)) {
            LocalDate opens = window.opensOn(due);
            if (LocalDate.ofInstant(stamp.at(), zone).isBefore(opens)) {
                throw new ConflictException("case.followUp.notYet", first ? 1 : 3, opens.toString(), due.toString());
            }
        }
        if (first && closureReason.needsFollowUp()) {
            move(Set.of(CLOSED), FOLLOW_UP, "FOLLOW_UP_1", text, stamp);
        } else {
            move(Set.of(FOLLOW_UP), ARCHIVED, "FOLLOW_UP_2", text, stamp);
        }
        followUpsDone++;
    }

    /** The first day the next follow-up may be recorded, or null when none is due. */
    public LocalDate nextFollowUpOpensOn(FollowUpWindow window) {
        LocalDate due = state == CLOSED ? firstFollowUpDue : state == FOLLOW_UP ? secondFollowUpDue : null;
        return due == null ? null : window.opensOn(due);
    }

    /** Archives a closed case that needs no follow-up (the client died). */
    public void archive(Stamp stamp) {
        if (closureReason != null && closureReason.needsFollowUp() && followUpsDone < 2) {
            throw new DomainException("case.archive.followUpsPending");
        }
        move(Set.of(CLOSED), ARCHIVED, "ARCHIVE", null, stamp);
    }

    /** The client cannot be reached: the case waits in its current step. */
    public void suspend(String reason, Stamp stamp) {
        if (!state.isSuspendable()) {
            throw illegal("SUSPEND");
        }
        CaseState before = state;
        move(Set.of(before), SUSPENDED, "SUSPEND", required(reason, "reason", REASON_MAX_LENGTH), stamp);
        this.stateBeforeSuspension = before;
    }

    public void resume(Stamp stamp) {
        move(Set.of(SUSPENDED), stateBeforeSuspension, "RESUME", null, stamp);
        this.stateBeforeSuspension = null;
    }

    /** The client moved away: the case is handed over and leaves this station's caseload. */
    public void transfer(String reason, Stamp stamp) {
        if (!state.isOpen() && state != LEAD && state != SCREENING) {
            throw illegal("TRANSFER");
        }
        move(Set.of(state), TRANSFERRED, "TRANSFER", required(reason, "reason", REASON_MAX_LENGTH), stamp);
    }

    /** Reopens a finished or refused case for a new assessment; the reason is mandatory. */
    public void reopen(String reason, Stamp stamp) {
        if (!state.isReopenable()) {
            throw illegal("REOPEN");
        }
        move(Set.of(state), ASSESSING, "REOPEN", required(reason, "reason", REASON_MAX_LENGTH), stamp);
        this.closureReason = null;
        this.closedAt = null;
        this.firstFollowUpDue = null;
        this.secondFollowUpDue = null;
        this.followUpsDone = 0;
        this.evaluation = null;
    }

    /**
     * The rules' proposal (from an assessment or a flag). It counts at once where it is more urgent
     * than the decided level (a new alarm never waits for the worker); a less urgent one waits for
     * the worker's confirmation.
     */
    public void proposeRisk(RiskLevel level, String why, Stamp stamp) {
        if (level == null) {
            throw new InvalidInputException("riskLevel", "case.risk.required");
        }
        this.proposedRiskLevel = level;
        record(level, RiskChangeKind.PROPOSED, optional(why, "reason", RISK_REASON_MAX_LENGTH), stamp);
    }

    /**
     * A person decides the level. A worker may confirm the proposal or raise it; a level below the
     * proposal is an override: only a supervisor may make it, and only with a reason (product.md).
     * Whether the caller is a supervisor of this case is the service's to say.
     *
     * @return the kind of decision recorded
     */
    public RiskChangeKind decideRisk(RiskLevel level, String reason, boolean bySupervisor, Stamp stamp) {
        if (level == null) {
            throw new InvalidInputException("riskLevel", "case.risk.required");
        }
        if (!isBelowProposal(level)) {
            this.riskLevel = level;
            record(level, RiskChangeKind.CONFIRMED, optional(reason, "reason", RISK_REASON_MAX_LENGTH), stamp);
            return RiskChangeKind.CONFIRMED;
        }
        if (!bySupervisor) {
            throw new AccessDeniedException("case.risk.belowProposal", proposedRiskLevel.label());
        }
        String why = required(reason, "reason", RISK_REASON_MAX_LENGTH);
        this.riskLevel = level;
        record(level, RiskChangeKind.OVERRIDDEN, why, stamp);
        return RiskChangeKind.OVERRIDDEN;
    }

    /** Whether a decision for this level would go below what the rules propose. */
    public boolean isBelowProposal(RiskLevel level) {
        return proposedRiskLevel != null && proposedRiskLevel.isMoreUrgentThan(level);
    }

    private void record(RiskLevel level, RiskChangeKind kind, String why, Stamp stamp) {
        riskHistory.add(new RiskChange(this, level, kind, proposedRiskLevel, why, stamp.actor(), stamp.at()));
        this.effectiveRiskLevel = RiskReplay.effectiveAfter(riskLevel, kind, level);
    }

    /** Involves another member of the household (a sibling, the carer). */
    public void involve(UUID clientId) {
        if (clientId == null || clientId.equals(primaryClientId)) {
            throw new InvalidInputException("clientId", "case.member.invalid");
        }
        memberIds.add(clientId);
    }

    public Set<UUID> getMemberIds() {
        return Collections.unmodifiableSet(memberIds);
    }

    public void reassign(UUID workerId, Stamp stamp) {
        if (workerId == null) {
            throw new InvalidInputException("workerId", "case.worker.required");
        }
        this.assignedWorkerId = workerId;
        transitions.add(
                new CaseTransition(this, state, state, "REASSIGN", workerId.toString(), stamp.actor(), stamp.at()));
        keepAwaitingApprovalSince();
    }

    /**
     * A referral made from this case came back with what the department could provide: the
     * timeline keeps it (action {@code REFERRAL_<result>}) and the state stays as it is.
     */
    public void recordReferralResult(String result, String summary, Stamp stamp) {
        if (!REFERRAL_RESULTS.contains(result)) {
            throw new InvalidInputException("result", "referral.result.required");
        }
        transitions.add(
                new CaseTransition(this, state, state, "REFERRAL_" + result, summary, stamp.actor(), stamp.at()));
        keepAwaitingApprovalSince();
    }

    /** The level that counts (see the field); null while the level is unknown. */
    public RiskLevel effectiveRisk() {
        return effectiveRiskLevel;
    }

    /**
     * When the effective level last became what it is now (a visit rule counts from there), or null
     * while the level is unknown.
     */
    public Instant effectiveRiskSince() {
        return RiskReplay.since(riskHistory, effectiveRiskLevel);
    }

    public List<CaseTransition> getTransitions() {
        return Collections.unmodifiableList(transitions);
    }

    public List<RiskChange> getRiskHistory() {
        return Collections.unmodifiableList(riskHistory);
    }

    private void move(Set<CaseState> allowedFrom, CaseState to, String action, String reason, Stamp stamp) {
        if (!allowedFrom.contains(state)) {
            throw illegal(action);
        }
        transitions.add(new CaseTransition(this, state, to, action, reason, stamp.actor(), stamp.at()));
        this.state = to;
        keepAwaitingApprovalSince();
    }

    /**
     * After a transition was appended: the day of the latest transition into the current state while
     * it is a review state (a transition that stays in it, a reassignment say, counts too), else
     * null. The history is read, not just the new step, so the day is the history's whatever order
     * the steps were stamped in; V34 computed it the same way for the cases of before.
     */
    private void keepAwaitingApprovalSince() {
        if (state != PLAN_REVIEW && state != CLOSURE_REVIEW) {
            this.awaitingApprovalSince = null;
            return;
        }
        Instant latest = transitions.stream()
                .filter(t -> t.getToState() == state)
                .map(CaseTransition::getOccurredAt)
                .max(Instant::compareTo)
                .orElseThrow();
        this.awaitingApprovalSince = LocalDate.ofInstant(latest, ChinaTime.ZONE);
    }

    /** A conflict with the case's current state (409), not malformed input. */
    private ConflictException illegal(String action) {
        return new ConflictException("case.transition.illegal", action, state.name());
    }

    private static String required(String text, String field, int maxLength) {
        String value = optional(text, field, maxLength);
        if (value == null) {
            throw new InvalidInputException(field, "case." + field + ".required");
        }
        return value;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String optional(String text, String field, int maxLength) {
        return FreeText.block(field, text, maxLength);
    }
}
