package org.casework.core.flags;

import org.casework.core.shared.RiskLevel;

/**
 * What a field user saw. The first nine are the mandatory-report situations of the 2020 opinion
 * on mandatory reporting (product.md): the police must be told at once, whatever else happens.
 */
public enum FlagType {
    MR_PRIVATE_INJURY(true, RiskLevel.RED),
    MR_GIRL_UNDER_14_ASSAULT_PREGNANCY(true, RiskLevel.RED),
    MR_GIRL_14_PLUS_PREGNANCY_AFTER_ASSAULT(true, RiskLevel.RED),
    MR_SUSPECTED_VIOLENCE_ABUSE(true, RiskLevel.RED),
    MR_SUICIDE_SELF_HARM_POISONING(true, RiskLevel.RED),
    MR_ABANDONMENT_NO_CARE(true, RiskLevel.RED),
    MR_MISSING_TRAFFICKED(true, RiskLevel.RED),
    MR_ORGANISED_BEGGING(true, RiskLevel.RED),
    MR_OTHER_SERIOUS_HARM(true, RiskLevel.RED),
    LIVING_ALONE(false, RiskLevel.RED),
    NO_GUARDIAN_ABLE_TO_CARE(false, RiskLevel.RED),
    UNFIT_CARER(false, RiskLevel.ORANGE),
    SCHOOL_DROPOUT(false, RiskLevel.ORANGE),
    ILLNESS_OR_INJURY(false, RiskLevel.ORANGE),
    PSYCHOLOGICAL_CRISIS(false, RiskLevel.ORANGE),
    UNSAFE_HOUSING(false, RiskLevel.YELLOW),
    OTHER(false, RiskLevel.YELLOW);

    private final boolean mandatoryReport;
    private final RiskLevel proposedSeverity;

    FlagType(boolean mandatoryReport, RiskLevel proposedSeverity) {
        this.mandatoryReport = mandatoryReport;
        this.proposedSeverity = proposedSeverity;
    }

    /** One of the nine situations that must be reported to the police (强制报告). */
    public boolean isMandatoryReport() {
        return mandatoryReport;
    }

    /** The severity the type suggests; the reporter may raise it, never lower a mandatory-report type. */
    public RiskLevel proposedSeverity() {
        return proposedSeverity;
    }

    public String messageKey() {
        return "flag.type." + name();
    }
}
