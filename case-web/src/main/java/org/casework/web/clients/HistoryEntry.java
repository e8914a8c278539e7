package org.casework.web.clients;

import java.util.List;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.web.support.Dates;

/**
 * One line of a client's history. Field names become labels on the page; a duplicate-override
 * remark is split off so its fixed prefix can be translated.
 */
public record HistoryEntry(
        String actor, String at, String action, List<String> fields, String overrideReason, String note) {

    private static final String OVERRIDE_PREFIX = "duplicateOverride: ";

    static HistoryEntry of(ChangeLogEntry e) {
        String note = e.getNote();
        boolean override = note != null && note.startsWith(OVERRIDE_PREFIX);
        return new HistoryEntry(
                e.getActor(),
                Dates.dateTime(e.getOccurredAt()),
                e.getAction(),
                e.fieldList(),
                override ? note.substring(OVERRIDE_PREFIX.length()) : null,
                override ? null : note);
    }

    /** Category actions list category types, other actions list field names. */
    public boolean categoryAction() {
        return action.startsWith("CATEGORY_");
    }
}
