package org.casework.web.assessments;

import java.util.UUID;
import org.casework.core.assessments.AssessmentStatus;

/** The assessment page's header: whose assessment, of which instrument, for which case, in what state. */
public record AssessmentView(
        UUID id,
        long version,
        String instrumentCode,
        int instrumentVersion,
        String title,
        UUID clientId,
        String clientName,
        UUID caseId,
        String caseNumber,
        AssessmentStatus status,
        String summary,
        String signedBy,
        String signedAt,
        UUID supersedes) {

    public boolean signed() {
        return status == AssessmentStatus.SIGNED;
    }
}
