package org.casework.core.assessments;

import java.util.List;
import org.casework.core.shared.RiskLevel;

/** The proposed risk level of a child, whether police must be told, and the items that decided the level. */
public record ChildRiskResult(RiskLevel level, boolean mandatoryReport, List<String> triggers) {

    public ChildRiskResult {
        triggers = List.copyOf(triggers);
    }
}
