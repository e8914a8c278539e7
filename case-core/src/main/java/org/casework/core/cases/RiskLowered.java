package org.casework.core.cases;

import java.util.UUID;
import org.casework.core.shared.RiskLevel;

/** A red or orange case was taken down to yellow or green by a person: its station supervisors must know. */
public record RiskLowered(UUID caseId, RiskLevel from, RiskLevel to, UUID decidedBy) {}
