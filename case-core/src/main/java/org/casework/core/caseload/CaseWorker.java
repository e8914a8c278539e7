package org.casework.core.caseload;

import java.util.UUID;

/** A case worker of a supervisor's jurisdiction, for choosing who does or takes over work. */
public record CaseWorker(UUID id, String username, String displayName) {}
