package org.casework.core.flags;

import java.util.UUID;
import org.casework.core.shared.RegionCode;

/** Published inside the transaction when the station finishes triage: the reporter learns the result. */
public record FlagTriaged(UUID flagId, RegionCode village, UUID reporterId, FlagOutcome outcome) {}
