package org.casework.core.visits;

import org.casework.core.shared.RiskLevel;

/** The level that drives a client's visits and the signal it comes from (shown to workers as the reason). */
public record VisitLevel(RiskLevel level, RiskSignal driver) {}
