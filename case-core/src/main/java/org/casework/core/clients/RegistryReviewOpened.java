package org.casework.core.clients;

import java.util.UUID;
import org.casework.core.shared.RegionCode;

/** Published inside the transaction when a registry entry goes to the station for review: the station is told. */
public record RegistryReviewOpened(UUID reviewId, UUID clientId, RegionCode village, RegistryReviewKind kind) {}
