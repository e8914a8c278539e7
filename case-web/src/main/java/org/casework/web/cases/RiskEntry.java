package org.casework.web.cases;

import org.casework.core.cases.RiskChangeKind;
import org.casework.core.shared.RiskLevel;

/**
 * One change of the case's risk level, ready to show; a person's decision names the proposal it
 * was made against.
 */
public record RiskEntry(
        String at, String actor, RiskLevel level, RiskChangeKind kind, RiskLevel proposedLevel, String reason) {}
