package org.casework.core.cases;

import java.util.UUID;

/**
 * Whether a case has a signed assessment (the guard before a plan). Implemented by the assessments
 * feature, so cases do not depend on it.
 */
public interface SignedAssessments {

    boolean existFor(UUID caseId);
}
