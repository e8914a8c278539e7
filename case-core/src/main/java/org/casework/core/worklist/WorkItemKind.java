package org.casework.core.worklist;

/** Kinds of worklist item; at equal risk and due day they are listed in this order. */
public enum WorkItemKind {
    /** A registry client's visit is due within the horizon, or overdue. */
    VISIT_DUE,
    /** A closed case's 1- or 3-month follow-up (回访) is due. */
    FOLLOW_UP_DUE,
    /** An activity of an approved plan, assigned to the user, is due and not done. */
    PLAN_ACTIVITY_DUE,
    /** The approved plan of the user's active case is due for review. */
    PLAN_REVIEW_DUE,
    /** A plan or a closure waits for a supervisor's decision. */
    APPROVAL_WAITING,
    /** A registry entry waits for the station's review (复核), e.g. a 留守儿童 who turned 16. */
    REGISTRY_REVIEW
}
