package org.casework.web.flags;

import java.util.UUID;
import org.casework.core.flags.FlagOutcome;
import org.casework.core.flags.FlagStatus;
import org.casework.core.flags.FlagType;
import org.casework.core.shared.RiskLevel;

/**
 * One flag in a list (my flags, the queue, the client page). {@code ageKey}/{@code ageValue} say
 * how long ago it was raised ("2小时前"); {@code reportMissing} is null where the viewer may not
 * know (a reporter's own list).
 */
public record FlagRow(
        UUID id,
        FlagType type,
        RiskLevel severity,
        boolean mandatoryReport,
        String subjectName,
        String villageName,
        String raisedAt,
        String ageKey,
        long ageValue,
        String triageDue,
        boolean overdue,
        FlagStatus status,
        FlagOutcome outcome,
        String outcomeReason,
        UUID outcomeCaseId,
        Boolean reportMissing) {

    public boolean untriaged() {
        return status == FlagStatus.UNTRIAGED;
    }
}
