package org.casework.core.cases;

import java.util.UUID;

/** Published inside the transaction when a worker submits a plan or requests closure. */
public record ApprovalRequested(UUID caseId, ApprovalKind kind, UUID requestedBy) {}
