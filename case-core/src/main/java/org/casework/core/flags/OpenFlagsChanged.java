package org.casework.core.flags;

import java.util.UUID;

/**
 * A flag about a registry client was raised or triaged, inside the transaction: what reads the
 * client's untriaged flags (the visit schedule) follows.
 */
public record OpenFlagsChanged(UUID clientId) {}
