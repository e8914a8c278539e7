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

/** A case with its lifecycle history and risk history. */
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

    public record Transition(
            CaseState fromState, CaseState toState, String action, String reason, String actor, Instant occurredAt) {}

    public record Risk(RiskLevel level, RiskChangeKind kind, String reason, String actor, Instant occurredAt) {}
}
