package org.casework.core.visits;

import java.time.Instant;
import org.casework.core.shared.RiskLevel;

/** The effective risk of one open case of the client, and since when it has had it. */
public record OpenCaseRisk(RiskLevel risk, Instant since) {}
