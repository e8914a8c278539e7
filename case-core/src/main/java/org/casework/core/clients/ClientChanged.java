package org.casework.core.clients;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction when a client's data or categories change (residence, a new or
 * ended category): features that keep derived data about clients refresh it. {@code changedFields}
 * names the fields of {@link Client#correct} that changed, null when unknown.
 */
public record ClientChanged(UUID clientId, List<String> changedFields) {

    /** A change whose fields are not told (categories): readers treat every field as changed. */
    public ClientChanged(UUID clientId) {
        this(clientId, null);
    }
}
