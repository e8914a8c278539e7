package org.casework.core.clients;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's record leaves the system as a PDF (一人一档): who took the copy and when goes into the
 * client's change history, where the audit screens show it. The caller must be allowed to read the
 * client.
 */
@Service
@RequiredArgsConstructor
public class ClientRecordCopies {

    /** The change-history action of a downloaded PDF copy. */
    public static final String PDF_DOWNLOADED = "PDF_DOWNLOADED";

    private final ClientService clients;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    /** Records the PDF copy of a client the caller may read; refuses outside their jurisdiction. */
    @Transactional
    public void recordPdf(UUID clientId) {
        clients.get(clientId);
        audit.recordChange(
                "Client", clientId, PDF_DOWNLOADED, null, currentActor.get().username());
    }
}
