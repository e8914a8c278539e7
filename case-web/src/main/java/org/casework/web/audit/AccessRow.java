package org.casework.web.audit;

import java.util.UUID;
import org.casework.core.audit.SensitiveAccessEntry;
import org.casework.web.support.Dates;

/** One line of the access log: when, who, whose numbers (by id), why, shown or refused. */
record AccessRow(String when, String user, UUID clientId, String reason, boolean refused) {

    static AccessRow of(SensitiveAccessEntry e) {
        return new AccessRow(
                Dates.dateTime(e.getOccurredAt()),
                e.getActor(),
                e.getClientId(),
                e.getReason(),
                e.getOutcome() == SensitiveAccessEntry.Outcome.REFUSED);
    }
}
