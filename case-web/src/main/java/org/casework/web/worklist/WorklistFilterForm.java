package org.casework.web.worklist;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.casework.core.shared.RiskLevel;
import org.casework.core.worklist.WorkFilter;
import org.casework.core.worklist.WorkItemKind;

/**
 * The worklist filter as typed in the URL. Parsed leniently: a value that does not parse is left
 * out and {@link #problem()} names it, so a hand-edited link still shows a list.
 */
public record WorklistFilterForm(
        String kindText, String village, String riskText, boolean overdue, String due, String worker) {

    public WorklistFilterForm {
        kindText = trim(kindText);
        village = trim(village);
        riskText = trim(riskText);
        due = trim(due);
        worker = trim(worker);
    }

    public WorkItemKind kind() {
        return parse(WorkItemKind.class, kindText);
    }

    public RiskLevel risk() {
        return parse(RiskLevel.class, riskText);
    }

    public Integer dueDays() {
        try {
            return due.isEmpty() ? null : Integer.valueOf(due);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public UUID workerId() {
        try {
            return worker.isEmpty() ? null : UUID.fromString(worker);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The message key when some value did not parse, else null. */
    public String problem() {
        boolean bad = (!kindText.isEmpty() && kind() == null)
                || (!riskText.isEmpty() && risk() == null)
                || (!due.isEmpty() && dueDays() == null)
                || (!worker.isEmpty() && workerId() == null);
        return bad ? "worklist.filter.invalid" : null;
    }

    WorkFilter filter(Set<WorkItemKind> kinds) {
        return new WorkFilter(kinds, village.isEmpty() ? null : village, risk(), overdue, dueDays(), workerId());
    }

    /** The filter without the parts the service may refuse (the place and the window). */
    WorkFilter withoutPlaceAndWindow(Set<WorkItemKind> kinds) {
        return new WorkFilter(kinds, null, risk(), overdue, null, workerId());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value.isEmpty() ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
