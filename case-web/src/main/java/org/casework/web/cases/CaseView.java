package org.casework.web.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseSource;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.ClosureReason;
import org.casework.core.cases.IntakeBasis;
import org.casework.core.shared.RiskLevel;
import org.casework.web.support.Dates;

/** The workspace's case: its header and facts, with names instead of ids. */
public record CaseView(
        UUID id,
        long version,
        String caseNumber,
        UUID clientId,
        String clientName,
        CaseState state,
        boolean open,
        RiskLevel riskLevel,
        RiskLevel proposedRiskLevel,
        boolean proposalPending,
        String workerName,
        boolean assignedToMe,
        CaseSource source,
        String openedAt,
        IntakeBasis intakeBasis,
        String intakeNote,
        String evaluation,
        ClosureReason closureReason,
        String followUpPlan,
        String closedAt,
        LocalDate firstFollowUpDue,
        LocalDate secondFollowUpDue) {

    /**
     * @param proposalPending the rules proposed a level after the last confirmation or override,
     *     so the worker still has to confirm
     */
    static CaseView of(CaseFile c, String clientName, boolean proposalPending, String workerName, UUID me) {
        return new CaseView(
                c.getId(),
                c.getVersion() == null ? 0 : c.getVersion(),
                c.getCaseNumber(),
                c.getPrimaryClientId(),
                clientName,
                c.getState(),
                c.getState().isOpen(),
                c.getRiskLevel(),
                c.getProposedRiskLevel(),
                proposalPending,
                workerName,
                me != null && me.equals(c.getAssignedWorkerId()),
                c.getSource(),
                Dates.dateTime(c.getOpenedAt()),
                c.getIntakeBasis(),
                c.getIntakeNote(),
                c.getEvaluation(),
                c.getClosureReason(),
                c.getFollowUpPlan(),
                c.getClosedAt() == null ? null : Dates.dateTime(c.getClosedAt()),
                c.getFirstFollowUpDue(),
                c.getSecondFollowUpDue());
    }
}
