package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseState;
import org.casework.core.plans.PlanStatus;
import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.casework.core.shared.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * The user's plan work on active cases, from the plan in force (the newest approved version of the
 * case's plan; older approved versions are superseded). A worker has few such items, so each
 * query reads them all and the source orders them.
 */
@RequiredArgsConstructor
abstract class PlanItemsDueSource implements WorkItemSource {

    private static final String PLAN_IN_FORCE = " p.status = :approved and not exists (select 1 from ServicePlan newer"
            + " where newer.caseId = p.caseId and newer.status = :approved and newer.versionNumber > p.versionNumber)";

    private final EntityManager entityManager;

    @Override
    public boolean appliesTo(Actor actor) {
        return actor.has(Permission.READ_CASES) && actor.userId() != null;
    }

    /** The select's FROM/WHERE after the common part; it must yield the due date as the 8th column. */
    abstract String query();

    @Override
    public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
        List<WorkItem> all = entityManager
                .createQuery(
                        "select c.id, c.caseNumber, c.primaryClientId, cl.fullName, c.effectiveRiskLevel,"
                                + " c.regionCode, " + query() + " and c.state = :active and c.regionCode like :scope"
                                + " and" + PLAN_IN_FORCE,
                        Object[].class)
                .setParameter("active", CaseState.ACTIVE)
                .setParameter("approved", PlanStatus.APPROVED)
                .setParameter("scope", actor.scopePattern())
                .setParameter("me", actor.userId())
                .setParameter("horizon", horizon)
                .getResultList()
                .stream()
                .map(row -> item(row, today))
                .sorted(WorkItem.ORDER)
                .toList();
        return new Batch(all.subList(0, Math.min(limit, all.size())), all.size());
    }

    /** Whether the item names and links the case (not for users who may not open cases). */
    boolean showsCase() {
        return true;
    }

    private WorkItem item(Object[] row, LocalDate today) {
        LocalDate due = (LocalDate) row[6];
        RiskLevel risk = (RiskLevel) row[4];
        return new WorkItem(
                kind(),
                (UUID) row[2],
                (String) row[3],
                showsCase() ? (UUID) row[0] : null,
                showsCase() ? (String) row[1] : null,
                (String) row[5],
                risk,
                due,
                due.isBefore(today));
    }

    /** Activities of the plan in force assigned to the user and not done. */
    @Component
    static class ActivitiesDue extends PlanItemsDueSource {

        ActivitiesDue(EntityManager entityManager) {
            super(entityManager);
        }

        @Override
        public WorkItemKind kind() {
            return WorkItemKind.PLAN_ACTIVITY_DUE;
        }

        @Override
        String query() {
            return "a.dueDate from ServicePlan p join p.activities a, CaseFile c, Client cl"
                    + " where c.id = p.caseId and cl.id = c.primaryClientId and a.responsibleWorkerId = :me"
                    + " and a.doneOn is null and a.dueDate <= :horizon";
        }
    }

    /**
     * Activities of the plan in force that a village child director is responsible for (issue 15):
     * on their worklist like their visits, linked to the child's page, since a director sees the
     * registry of their village but not the station's cases.
     */
    @Component
    static class DirectorActivitiesDue extends ActivitiesDue {

        DirectorActivitiesDue(EntityManager entityManager) {
            super(entityManager);
        }

        @Override
        public boolean appliesTo(Actor actor) {
            return actor.userId() != null && actor.has(Permission.READ_CLIENTS) && !actor.has(Permission.READ_CASES);
        }

        @Override
        boolean showsCase() {
            return false;
        }
    }

    /** Reviews of the plans in force of the user's own cases. */
    @Component
    static class ReviewsDue extends PlanItemsDueSource {

        ReviewsDue(EntityManager entityManager) {
            super(entityManager);
        }

        @Override
        public WorkItemKind kind() {
            return WorkItemKind.PLAN_REVIEW_DUE;
        }

        @Override
        String query() {
            return "p.reviewDate from ServicePlan p, CaseFile c, Client cl"
                    + " where c.id = p.caseId and cl.id = c.primaryClientId and c.assignedWorkerId = :me"
                    + " and p.reviewDate <= :horizon";
        }
    }
}
