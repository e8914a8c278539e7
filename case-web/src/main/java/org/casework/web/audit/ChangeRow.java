package org.casework.web.audit;

import java.util.Map;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.web.support.Dates;

/**
 * One line of the change history: when, who, which record (with a link where the record has a
 * page), what was done and to which fields. Field names only: the log holds no values.
 */
record ChangeRow(String when, String user, String type, String link, String action, String fields) {

    private static final Map<String, String> PAGES = Map.of(
            "Client", "/clients/",
            "Case", "/cases/",
            "Household", "/households/",
            "Flag", "/flags/",
            "Referral", "/referrals/");

    static ChangeRow of(ChangeLogEntry e) {
        String page = PAGES.get(e.getEntityType());
        return new ChangeRow(
                Dates.dateTime(e.getOccurredAt()),
                e.getActor(),
                e.getEntityType(),
                page == null ? null : page + e.getEntityId(),
                e.getAction(),
                String.join(", ", e.fieldList()));
    }
}
