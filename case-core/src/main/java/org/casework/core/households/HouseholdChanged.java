package org.casework.core.households;

import java.util.UUID;

/** Published inside the transaction when a household is registered or changed (offline copies refresh). */
public record HouseholdChanged(UUID householdId, String regionCode) {}
