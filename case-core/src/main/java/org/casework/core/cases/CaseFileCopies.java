package org.casework.core.cases;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case file leaves the system as a PDF (个案档案): who took the copy and when goes into the case's
 * change history, where the audit screens show it. The caller must be allowed to read the case.
 */
@Service
@RequiredArgsConstructor
public class CaseFileCopies {

    /** The change-history action of a downloaded PDF copy. */
    public static final String PDF_DOWNLOADED = "PDF_DOWNLOADED";

    private final CaseService cases;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    /**
     * Records the PDF copy of a case the caller may read and returns its number (for the file
     * name); refuses, like reading the case, outside the caller's jurisdiction.
     */
    @Transactional
    public String recordPdf(UUID caseId) {
        CaseFile caseFile = cases.get(caseId);
        audit.recordChange(
                "Case", caseId, PDF_DOWNLOADED, null, currentActor.get().username());
        return caseFile.getCaseNumber();
    }
}
