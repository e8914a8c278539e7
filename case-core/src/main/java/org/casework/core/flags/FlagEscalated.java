package org.casework.core.flags;

import java.util.UUID;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;

/**
 * Published exactly once per flag and tier when a flag is still untriaged (or its mandatory
 * report unrecorded) after its deadline.
 */
public record FlagEscalated(UUID flagId, RegionCode village, RiskLevel severity, EscalationTier tier) {}
