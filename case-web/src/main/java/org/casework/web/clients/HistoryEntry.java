package org.casework.web.clients;

import java.util.List;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.web.support.Dates;

/**
 * One line of a client's history. Field names become labels on the page; a duplicate-override
 * remark is split off so its fixed prefix can be translated.
 */
public record HistoryEntry(
        String actor, String at, String action, List<String> fields, String overrideReason, String note) {

    private static final String OVERRIDE_PREFIX = "duplicateOverride: ";

    /** The lines of a history, each actor by display name (one query for all of them). */
    public static List<HistoryEntry> of(List<ChangeLogEntry> entries, PeopleNames people) {
        DisplayNames names =
                people.of(entries.stream().map(ChangeLogEntry::getActor).toList());
        return entries.stream().map(e -> of(e, names)).toList();
    }

    static HistoryEntry of(ChangeLogEntry e, DisplayNames names) {
        String note = e.getNote();
        boolean override = note != null && note.startsWith(OVERRIDE_PREFIX);
        return new HistoryEntry(
                names.of(e.getActor()),
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
