package org.casework.core.flags;

import java.util.UUID;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;

/** Published inside the transaction when a field user raises a flag about a minor in a village. */
public record FlagRaised(UUID flagId, RegionCode village, RiskLevel severity, UUID reporterId) {}
