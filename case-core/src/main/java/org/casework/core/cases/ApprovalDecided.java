package org.casework.core.cases;

import java.util.UUID;

/** Published inside the transaction when a supervisor approves or returns a plan or closure. */
public record ApprovalDecided(UUID caseId, ApprovalKind kind, boolean approved, UUID decidedBy) {}
