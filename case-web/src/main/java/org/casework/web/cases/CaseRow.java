package org.casework.web.cases;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseState;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.RiskLevel;

/** One case in a list: the case list and the client page's cases panel. */
public record CaseRow(
        UUID id,
        String caseNumber,
        UUID clientId,
        String clientName,
        CaseState state,
        RiskLevel riskLevel,
        RiskLevel proposedRiskLevel,
        String workerName,
        LocalDate openedOn) {

    static CaseRow of(CaseFile c, Map<UUID, String> clientNames, Map<UUID, String> workerNames) {
        return new CaseRow(
                c.getId(),
                c.getCaseNumber(),
                c.getPrimaryClientId(),
                clientNames.getOrDefault(c.getPrimaryClientId(), ""),
                c.getState(),
                c.getRiskLevel(),
                c.getProposedRiskLevel(),
                c.getAssignedWorkerId() == null ? null : workerNames.get(c.getAssignedWorkerId()),
                LocalDate.ofInstant(c.getOpenedAt(), ChinaTime.ZONE));
    }
}
