package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseState;
import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Plans and closures in the supervisor's jurisdiction waiting for a decision, dated by the day they
 * were submitted. Cases assigned to the supervisor are left out: someone else must approve those.
 * Approvals have no deadline yet, so they are never marked overdue.
 */
@Component
@RequiredArgsConstructor
class ApprovalsWaitingSource implements WorkItemSource {

    private static final List<CaseState> IN_REVIEW = List.of(CaseState.PLAN_REVIEW, CaseState.CLOSURE_REVIEW);
    private static final ZoneId ZONE = ChinaTime.ZONE;

    private final EntityManager entityManager;

    @Override
    public WorkItemKind kind() {
        return WorkItemKind.APPROVAL_WAITING;
    }

    @Override
    public boolean appliesTo(Actor actor) {
        return actor.has(Permission.SUPERVISE_CASES);
    }

    @Override
    public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
        List<WorkItem> all = entityManager
                .createQuery(
                        "select c.id, c.caseNumber, c.primaryClientId, cl.fullName, c.effectiveRiskLevel, c.regionCode,"
                                + " (select max(t.occurredAt) from CaseTransition t"
                                + " where t.caseFile = c and t.toState = c.state)"
                                + " from CaseFile c join Client cl on cl.id = c.primaryClientId"
                                + " where c.regionCode like :scope and c.state in :review"
                                + " and (c.assignedWorkerId is null or c.assignedWorkerId <> :me)",
                        Object[].class)
                .setParameter("scope", actor.scopePattern())
                .setParameter("review", IN_REVIEW)
                .setParameter("me", actor.userId())
                .getResultList()
                .stream()
                .map(row -> {
                    RiskLevel risk = (RiskLevel) row[4];
                    LocalDate since = row[6] == null ? today : LocalDate.ofInstant((Instant) row[6], ZONE);
                    return new WorkItem(
                            WorkItemKind.APPROVAL_WAITING,
                            (UUID) row[2],
                            (String) row[3],
                            (UUID) row[0],
                            (String) row[1],
                            (String) row[5],
                            risk,
                            since,
                            false);
                })
                .sorted(WorkItem.ORDER)
                .toList();
        return new Batch(all.subList(0, Math.min(limit, all.size())), all.size());
    }
}
