package org.casework.core.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The content of a draft plan as the worker edits it; it replaces the draft's content. An activity
 * that names the id of one of the draft's activities keeps that id (and whether it was done); one
 * without an id, or with an unknown one, is new.
 */
public record PlanInput(List<String> goals, List<Activity> activities, LocalDate reviewDate) {

    public record Activity(
            UUID id, ActivityType type, String description, UUID responsibleWorkerId, LocalDate dueDate) {}
}
