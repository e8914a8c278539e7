package org.casework.api.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casework.core.cases.CaseSource;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.ClosureReason;
import org.casework.core.cases.IntakeBasis;
import org.casework.core.cases.RiskChangeKind;
import org.casework.core.shared.RiskLevel;

/**
 * A case with its lifecycle history and risk history. {@code riskLevel} is the level a person
 * decided, {@code proposedRiskLevel} the rules' latest proposal, {@code effectiveRiskLevel} the one
 * that counts (the decision, raised at once by a newer, more urgent proposal).
 */
public record CaseResponse(
        UUID id,
        long version,
        String caseNumber,
        UUID primaryClientId,
        Set<UUID> memberIds,
        String regionCode,
        UUID stationId,
        UUID assignedWorkerId,
        CaseSource source,
        CaseState state,
        RiskLevel riskLevel,
        RiskLevel proposedRiskLevel,
        RiskLevel effectiveRiskLevel,
        IntakeBasis intakeBasis,
        String intakeNote,
        String evaluation,
        ClosureReason closureReason,
        String followUpPlan,
        Instant closedAt,
        LocalDate firstFollowUpDue,
        LocalDate secondFollowUpDue,
        Instant openedAt,
        List<Transition> transitions,
        List<Risk> riskHistory) {

    /** A step of the case; {@code actor} is the login, {@code actorName} the name people know (堌阳镇社工 李娜). */
    public record Transition(
            CaseState fromState,
            CaseState toState,
            String action,
            String reason,
            String actor,
            String actorName,
            Instant occurredAt) {}

    /**
     * One entry of the risk history: a proposal of the rules (reason: the triggers), or a person's
     * confirmation or override (with the proposal it was decided against).
     */
    public record Risk(
            RiskLevel level,
            RiskChangeKind kind,
            RiskLevel proposedLevel,
            String reason,
            String actor,
            String actorName,
            Instant occurredAt) {}
}
