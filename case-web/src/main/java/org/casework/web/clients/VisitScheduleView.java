package org.casework.web.clients;

import java.time.LocalDate;
import org.casework.core.shared.RiskLevel;

/**
 * A client's visit schedule as the client page shows it: when, at which level, by which rule, and
 * what drives the level (a case, a flag, an assessment or the registry rules, with their triggers
 * in words).
 */
public record VisitScheduleView(
        LocalDate nextDueOn,
        boolean overdue,
        RiskLevel level,
        LocalDate lastVisitOn,
        String rule,
        String drivenBy,
        String triggers) {}
