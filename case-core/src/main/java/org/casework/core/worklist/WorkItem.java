package org.casework.core.worklist;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import org.casework.core.shared.RiskLevel;

/**
 * One thing to do. {@code caseId} and {@code caseNumber} are null for items about a registry client
 * without a case; {@code regionCode} is the client's village (of the case's when it was opened);
 * {@code risk} is null while a case's risk is unknown. For an approval the due day
 * is the day the case was submitted for review.
 */
public record WorkItem(
        WorkItemKind kind,
        UUID clientId,
        String clientName,
        UUID caseId,
        String caseNumber,
        String regionCode,
        RiskLevel risk,
        LocalDate dueOn,
        boolean overdue) {

    /**
     * Most urgent risk first (unknown last), then the earliest due day, then the kind, then the id
     * compared as the database compares BINARY(16) (unsigned bytes), so that the order of each
     * source's SQL and the merged order agree.
     */
    public static final Comparator<WorkItem> ORDER = Comparator.comparing(
                    WorkItem::risk, Comparator.nullsLast(Comparator.<RiskLevel>naturalOrder()))
            .thenComparing(WorkItem::dueOn, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(WorkItem::kind)
            .thenComparing(WorkItem::key, WorkItem::compareUnsigned);

    /** The same item, with the client's name and the case's number and client (for a completed item). */
    WorkItem completed(UUID clientId, String clientName, String caseNumber) {
        return new WorkItem(kind, clientId, clientName, caseId, caseNumber, regionCode, risk, dueOn, overdue);
    }

    /** The record the item is about: the case if any, else the client. */
    public UUID key() {
        return caseId != null ? caseId : clientId;
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
