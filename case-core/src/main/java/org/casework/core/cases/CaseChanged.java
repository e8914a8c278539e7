package org.casework.core.cases;

import java.util.UUID;

/**
 * Published inside the transaction when a case is opened, moves to another state or its risk
 * changes (proposed, confirmed, overridden): what depends on a client's open cases refreshes.
 */
public record CaseChanged(UUID caseId, UUID clientId) {}
