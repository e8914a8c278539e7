package org.casework.core.clients;

import java.util.UUID;

/**
 * Published inside the transaction when a client's data or categories change (residence, a new or
 * ended category): features that keep derived data about clients refresh it.
 */
public record ClientChanged(UUID clientId) {}
