package org.casework.core.services;

import java.util.UUID;

/** Published inside the transaction when a service record of the client is logged or voided. */
public record ServiceRecordsChanged(UUID clientId, ServiceType type) {}
