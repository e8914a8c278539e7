package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseState;
import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.casework.core.shared.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Follow-ups (回访) of the actor's own closed cases: the first (1 month) while the case is CLOSED,
 * the second (3 months) while it is in FOLLOW_UP. A caseload has few of them, so all due ones are
 * read in one query and ordered here.
 */
@Component
@RequiredArgsConstructor
class FollowUpsDueSource implements WorkItemSource {

    private final EntityManager entityManager;

    @Override
    public WorkItemKind kind() {
        return WorkItemKind.FOLLOW_UP_DUE;
    }

    @Override
    public boolean appliesTo(Actor actor) {
        return actor.has(Permission.READ_CASES) && actor.userId() != null;
    }

    @Override
    public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
        List<WorkItem> all = entityManager
                .createQuery(
                        "select c.id, c.caseNumber, c.primaryClientId, cl.fullName, c.effectiveRiskLevel, c.regionCode,"
                                + " c.state, c.firstFollowUpDue, c.secondFollowUpDue"
                                + " from CaseFile c join Client cl on cl.id = c.primaryClientId"
                                + " where c.assignedWorkerId = :me and c.regionCode like :scope"
                                + " and ((c.state = :closed and c.firstFollowUpDue <= :horizon)"
                                + " or (c.state = :followUp and c.secondFollowUpDue <= :horizon))",
                        Object[].class)
                .setParameter("me", actor.userId())
                .setParameter("scope", actor.scopePattern())
                .setParameter("closed", CaseState.CLOSED)
                .setParameter("followUp", CaseState.FOLLOW_UP)
                .setParameter("horizon", horizon)
                .getResultList()
                .stream()
                .map(row -> {
                    LocalDate due = row[6] == CaseState.CLOSED ? (LocalDate) row[7] : (LocalDate) row[8];
                    RiskLevel risk = (RiskLevel) row[4];
                    return new WorkItem(
                            WorkItemKind.FOLLOW_UP_DUE,
                            (UUID) row[2],
                            (String) row[3],
                            (UUID) row[0],
                            (String) row[1],
                            (String) row[5],
                            risk,
                            due,
                            due.isBefore(today));
                })
                .sorted(WorkItem.ORDER)
                .toList();
        return new Batch(all.subList(0, Math.min(limit, all.size())), all.size());
    }
}
