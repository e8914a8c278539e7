package org.casework.web.audit;

import java.util.Map;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.web.support.Dates;

/**
 * One line of the change history: when, who, which record (with a link where the record has a
 * page), what was done and to which fields. Field names only: the log holds no values.
 */
record ChangeRow(String when, String user, String name, String type, String link, String action, String fields) {

    private static final Map<String, String> PAGES = Map.of(
            "Client", "/clients/",
            "Case", "/cases/",
            "Household", "/households/",
            "Flag", "/flags/",
            "Referral", "/referrals/");

    /** @param names display names of the page's users; the login stays for auditors to search by */
    static ChangeRow of(ChangeLogEntry e, DisplayNames names) {
        String page = PAGES.get(e.getEntityType());
        return new ChangeRow(
                Dates.dateTime(e.getOccurredAt()),
                e.getActor(),
                names.of(e.getActor()),
                e.getEntityType(),
                page == null ? null : page + e.getEntityId(),
                e.getAction(),
                String.join(", ", e.fieldList()));
    }
}
