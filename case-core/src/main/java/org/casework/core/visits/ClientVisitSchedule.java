package org.casework.core.visits;

import java.time.LocalDate;
import java.util.UUID;
import org.casework.core.shared.RiskLevel;

/** A client's visit schedule as a worker sees it. */
public record ClientVisitSchedule(
        UUID clientId, RiskLevel level, LocalDate lastVisitOn, LocalDate nextDueOn, DueRule rule, boolean overdue) {

    static ClientVisitSchedule of(UUID clientId, VisitDue due, LocalDate today) {
        return new ClientVisitSchedule(
                clientId, due.level(), due.lastVisitOn(), due.dueOn(), due.rule(), due.isOverdueOn(today));
    }
}
