package org.casework.web.audit;

import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.audit.SensitiveAccessEntry;
import org.casework.web.support.Dates;

/**
 * One line of the access log: when, who (display name, and the login an auditor searches by),
 * whose numbers (by id), why, shown or refused.
 */
record AccessRow(String when, String user, String name, UUID clientId, String reason, boolean refused) {

    static AccessRow of(SensitiveAccessEntry e, DisplayNames names) {
        return new AccessRow(
                Dates.dateTime(e.getOccurredAt()),
                e.getActor(),
                names.of(e.getActor()),
                e.getClientId(),
                e.getReason(),
                e.getOutcome() == SensitiveAccessEntry.Outcome.REFUSED);
    }
}
