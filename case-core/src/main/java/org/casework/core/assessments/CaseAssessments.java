package org.casework.core.assessments;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.SignedAssessments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the case lifecycle whether a case has a signed assessment (the guard before a plan). */
@Component
@RequiredArgsConstructor
class CaseAssessments implements SignedAssessments {

    private final AssessmentRepository assessments;

    @Override
    @Transactional(readOnly = true)
    public boolean existFor(UUID caseId) {
        return assessments.existsByCaseIdAndStatus(caseId, AssessmentStatus.SIGNED);
    }
}
