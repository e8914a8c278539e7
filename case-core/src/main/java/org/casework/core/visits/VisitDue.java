package org.casework.core.visits;

import java.time.LocalDate;
import org.casework.core.shared.RiskLevel;

/**
 * The rules' answer for one client: the visiting level, the last visit, when the next is due, by
 * which rule, and the signal that drives the level (why it is this level).
 */
public record VisitDue(RiskLevel level, LocalDate lastVisitOn, LocalDate dueOn, DueRule rule, RiskSignal driver) {

    /** Overdue once the due day has passed: a visit on the due day is on time. */
    public boolean isOverdueOn(LocalDate today) {
        return dueOn.isBefore(today);
    }
}
