package org.casework.core.worklist;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.casework.core.shared.RiskLevel;

/**
 * What part of the worklist to show; every part but {@code kinds} is optional.
 *
 * @param kinds the kinds of item (all by default)
 * @param village a village or township inside the caller's jurisdiction
 * @param risk only items at this risk level
 * @param overdueOnly only items past their due day
 * @param dueWithinDays only items due within this many days from today (overdue ones included);
 *     null for the usual horizon of {@link WorklistService#HORIZON_DAYS}
 * @param workerId only items of cases assigned to this worker (supervisors); registry visits have
 *     no assigned worker, so they drop out
 */
public record WorkFilter(
        Set<WorkItemKind> kinds,
        String village,
        RiskLevel risk,
        boolean overdueOnly,
        Integer dueWithinDays,
        UUID workerId) {

    /** The longest due window a user may ask for: a quarter ahead. */
    public static final int MAX_WINDOW_DAYS = 92;

    public WorkFilter {
        kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(WorkItemKind.class) : EnumSet.copyOf(kinds);
        village = village == null || village.isBlank() ? null : village.strip();
    }

    public static WorkFilter none() {
        return new WorkFilter(null, null, null, false, null, null);
    }

    public static WorkFilter of(Set<WorkItemKind> kinds) {
        return new WorkFilter(kinds, null, null, false, null, null);
    }

    /** True when items must be checked one by one after the sources fetched them. */
    boolean needsScan() {
        return risk != null || overdueOnly || workerId != null;
    }
}
