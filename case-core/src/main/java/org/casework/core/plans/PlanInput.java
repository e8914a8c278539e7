package org.casework.core.plans;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The content of a draft plan as the worker edits it; it replaces the draft's content. An activity
 * that names the id of one of the draft's activities keeps that id (and whether it was done); one
 * without an id, or with an unknown one, is new.
 */
public record PlanInput(
        List<@Size(max = ServicePlan.MAX_GOAL_LENGTH) String> goals, List<Activity> activities, LocalDate reviewDate) {

    /**
     * One activity. Responsible is one of: a user ({@code responsibleWorkerId}: station staff or the
     * village child director of the client's village), a registered partner organisation, or a
     * partner written in by hand (name, and contact person and phone).
     */
    public record Activity(
            UUID id,
            ActivityType type,
            @Size(max = ServicePlan.MAX_DESCRIPTION_LENGTH) String description,
            UUID responsibleWorkerId,
            LocalDate dueDate,
            UUID partnerOrganisationId,
            @Size(max = ServicePlan.MAX_PARTNER_LENGTH) String partnerName,
            @Size(max = ServicePlan.MAX_PARTNER_LENGTH) String partnerContact) {

        /** An activity a user is responsible for (the form before partners existed). */
        public Activity(UUID id, ActivityType type, String description, UUID responsibleWorkerId, LocalDate dueDate) {
            this(id, type, description, responsibleWorkerId, dueDate, null, null, null);
        }
    }
}
