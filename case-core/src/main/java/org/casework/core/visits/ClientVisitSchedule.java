package org.casework.core.visits;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casework.core.shared.RiskLevel;

/**
 * A client's visit schedule as a worker sees it: the level, what drives it (the source, e.g. a case
 * number or a flag type, and the rule codes behind it), the last visit and when the next is due.
 */
public record ClientVisitSchedule(
        UUID clientId,
        RiskLevel level,
        LevelSource levelSource,
        String levelReference,
        List<String> levelTriggers,
        LocalDate lastVisitOn,
        LocalDate nextDueOn,
        DueRule rule,
        boolean overdue) {

    static ClientVisitSchedule of(UUID clientId, VisitDue due, LocalDate today) {
        RiskSignal driver = due.driver();
        return new ClientVisitSchedule(
                clientId,
                due.level(),
                driver == null ? LevelSource.REGISTRY : driver.source(),
                driver == null ? null : driver.reference(),
                driver == null ? List.of() : driver.triggers(),
                due.lastVisitOn(),
                due.dueOn(),
                due.rule(),
                due.isOverdueOn(today));
    }
}
