package org.casework.core.caseload;

import java.util.Map;
import java.util.UUID;
import org.casework.core.cases.CaseState;
import org.casework.core.shared.RiskLevel;

/**
 * One worker's open cases. {@code workerId} is null for the row of unassigned cases.
 *
 * @param byState open cases per state (states without cases left out)
 * @param byRisk open cases per effective risk level (levels without cases left out)
 * @param unknownRisk open cases whose risk is not yet known
 * @param overdueVisits clients of the worker's open cases whose visit is overdue
 * @param awaitingApproval cases whose plan or closure waits for a supervisor
 */
public record WorkerCaseload(
        UUID workerId,
        String username,
        String displayName,
        long openCases,
        Map<CaseState, Long> byState,
        Map<RiskLevel, Long> byRisk,
        long unknownRisk,
        long overdueVisits,
        long awaitingApproval) {}
