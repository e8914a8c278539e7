package org.casework.core.services;

import java.util.UUID;

/** Published inside the transaction when a service record of the client is logged or voided ({@code recordId}: which one, when known). */
public record ServiceRecordsChanged(UUID clientId, ServiceType type, UUID recordId) {

    public ServiceRecordsChanged(UUID clientId, ServiceType type) {
        this(clientId, type, null);
    }
}
