package org.casework.core.assessments;

/** A draft can be answered and summarised; a signed assessment is evidence and never changes. */
public enum AssessmentStatus {
    DRAFT,
    SIGNED
}
