package org.casework.core.clients;

import java.util.UUID;

/** Published inside the registering transaction, right after a client is saved. */
public record ClientRegistered(UUID clientId) {}
