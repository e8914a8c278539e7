package org.casework.core.visits;

import java.time.LocalDate;
import org.casework.core.shared.RiskLevel;

/** The rules' answer for one client: the visiting level, the last visit and when the next is due. */
public record VisitDue(RiskLevel level, LocalDate lastVisitOn, LocalDate dueOn, DueRule rule) {

    /** Overdue once the due day has passed: a visit on the due day is on time. */
    public boolean isOverdueOn(LocalDate today) {
        return dueOn.isBefore(today);
    }
}
