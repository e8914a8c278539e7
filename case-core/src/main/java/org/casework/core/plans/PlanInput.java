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

    public record Activity(
            UUID id,
            ActivityType type,
            @Size(max = ServicePlan.MAX_DESCRIPTION_LENGTH) String description,
            UUID responsibleWorkerId,
            LocalDate dueDate) {}
}
