package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The user's plan work on active cases: activities of the plan in force that are assigned to them
 * and not done, and reviews of the plans of their own cases. Only the newest approved version of a
 * case's plan is in force. A worker has few such items, so they are read in two queries and merged.
 */
@Component
@RequiredArgsConstructor
class PlanItemsDueSource implements WorkItemSource {

    /** The newest approved version of the case's plan: older approved versions are superseded. */
    private static final String PLAN_IN_FORCE = " p.status = :approved and not exists (select 1 from ServicePlan newer"
            + " where newer.caseId = p.caseId and newer.status = :approved and newer.versionNumber > p.versionNumber)";

    private final EntityManager entityManager;

    @Override
    public boolean appliesTo(Actor actor) {
        return actor.has(Permission.READ_CASES) && actor.userId() != null;
    }

    @Override
    public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
        List<WorkItem> all = new ArrayList<>();
        entityManager
                .createQuery(
                        "select c.id, c.caseNumber, c.primaryClientId, cl.fullName, c.riskLevel, c.proposedRiskLevel,"
                                + " c.regionCode, a.dueDate"
                                + " from ServicePlan p join p.activities a, CaseFile c, Client cl"
                                + " where c.id = p.caseId and cl.id = c.primaryClientId and c.state = :active"
                                + " and c.regionCode like :scope and a.responsibleWorkerId = :me"
                                + " and a.doneOn is null and a.dueDate <= :horizon and" + PLAN_IN_FORCE,
                        Object[].class)
                .setParameter("active", CaseState.ACTIVE)
                .setParameter("approved", PlanStatus.APPROVED)
                .setParameter("scope", actor.scopePattern())
                .setParameter("me", actor.userId())
                .setParameter("horizon", horizon)
                .getResultList()
                .forEach(row -> all.add(item(WorkItemKind.PLAN_ACTIVITY_DUE, row, today)));
        entityManager
                .createQuery(
                        "select c.id, c.caseNumber, c.primaryClientId, cl.fullName, c.riskLevel, c.proposedRiskLevel,"
                                + " c.regionCode, p.reviewDate"
                                + " from ServicePlan p, CaseFile c, Client cl"
                                + " where c.id = p.caseId and cl.id = c.primaryClientId and c.state = :active"
                                + " and c.regionCode like :scope and c.assignedWorkerId = :me"
                                + " and p.reviewDate <= :horizon and" + PLAN_IN_FORCE,
                        Object[].class)
                .setParameter("active", CaseState.ACTIVE)
                .setParameter("approved", PlanStatus.APPROVED)
                .setParameter("scope", actor.scopePattern())
                .setParameter("me", actor.userId())
                .setParameter("horizon", horizon)
                .getResultList()
                .forEach(row -> all.add(item(WorkItemKind.PLAN_REVIEW_DUE, row, today)));
        all.sort(WorkItem.ORDER);
        return new Batch(all.subList(0, Math.min(limit, all.size())), all.size());
    }

    private static WorkItem item(WorkItemKind kind, Object[] row, LocalDate today) {
        LocalDate due = (LocalDate) row[7];
        RiskLevel risk = row[4] != null ? (RiskLevel) row[4] : (RiskLevel) row[5];
        return new WorkItem(
                kind,
                (UUID) row[2],
                (String) row[3],
                (UUID) row[0],
                (String) row[1],
                (String) row[6],
                risk,
                due,
                due.isBefore(today));
    }
}
