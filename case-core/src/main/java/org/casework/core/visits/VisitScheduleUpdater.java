package org.casework.core.visits;

import lombok.RequiredArgsConstructor;
import org.casework.core.assessments.ClientAssessed;
import org.casework.core.cases.CaseChanged;
import org.casework.core.clients.ClientChanged;
import org.casework.core.clients.ClientRegistered;
import org.casework.core.flags.OpenFlagsChanged;
import org.casework.core.services.ServiceRecordsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refreshes a client's schedule when something the rules read changes. Synchronous listeners: the
 * row commits or rolls back with the change that caused it, so it is never ahead of or behind the
 * data (a publication registry would be needed for after-commit listeners to survive a crash).
 */
@Component
@RequiredArgsConstructor
class VisitScheduleUpdater {

    private final VisitScheduleService schedules;

    @EventListener
    void on(ClientRegistered event) {
        schedules.refresh(event.clientId());
    }

    @EventListener
    void on(ClientChanged event) {
        schedules.refresh(event.clientId());
    }

    @EventListener
    void on(CaseChanged event) {
        schedules.refresh(event.clientId());
    }

    @EventListener
    void on(OpenFlagsChanged event) {
        schedules.refresh(event.clientId());
    }

    @EventListener
    void on(ClientAssessed event) {
        schedules.refresh(event.clientId());
    }

    @EventListener
    void on(ServiceRecordsChanged event) {
        if (event.type().isVisit()) {
            schedules.refresh(event.clientId());
        }
    }
}
