package org.casework.api.cases;

import java.time.Instant;
import java.util.UUID;
import org.casework.core.cases.CaseSource;
import org.casework.core.cases.CaseState;
import org.casework.core.shared.RiskLevel;

/** One row of a case list. */
public record CaseSummary(
        UUID id,
        String caseNumber,
        UUID primaryClientId,
        String regionCode,
        UUID assignedWorkerId,
        CaseSource source,
        CaseState state,
        RiskLevel riskLevel,
        RiskLevel proposedRiskLevel,
        RiskLevel effectiveRiskLevel,
        Instant openedAt) {}
