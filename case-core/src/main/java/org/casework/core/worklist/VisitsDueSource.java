package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.casework.core.shared.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Clients of the jurisdiction whose next visit is due by the horizon (overdue ones included): a
 * range on visit_schedule's (region_code, next_due_on) index, never the rules per client. The count
 * reads that range; the page of a county or township is read in the worklist's order from the V32
 * index (level, due day, client id, village), the jurisdiction prefix checked in the index, so the
 * database stops after the page instead of sorting the whole county (issue 14).
 */
@Component
@RequiredArgsConstructor
class VisitsDueSource implements WorkItemSource {

    private final EntityManager entityManager;

    @Override
    public WorkItemKind kind() {
        return WorkItemKind.VISIT_DUE;
    }

    @Override
    public boolean appliesTo(Actor actor) {
        return actor.has(Permission.READ_CLIENTS);
    }

    @Override
    public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
        Long total = entityManager
                .createQuery(
                        "select count(v) from VisitSchedule v where v.regionCode like :scope and v.nextDueOn <= :horizon",
                        Long.class)
                .setParameter("scope", actor.scopePattern())
                .setParameter("horizon", horizon)
                .getSingleResult();
        if (total == 0 || limit == 0) {
            return new Batch(List.of(), total);
        }
        List<WorkItem> items = entityManager
                .createQuery(
                        "select v.clientId, c.fullName, v.level, v.nextDueOn, v.regionCode from VisitSchedule v"
                                + " join Client c on c.id = v.clientId"
                                + " where v.regionCode like :scope and v.nextDueOn <= :horizon"
                                + " order by v.levelRank, v.nextDueOn, v.clientId",
                        Object[].class)
                .setParameter("scope", actor.scopePattern())
                .setParameter("horizon", horizon)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(row -> {
                    LocalDate due = (LocalDate) row[3];
                    return new WorkItem(
                            WorkItemKind.VISIT_DUE,
                            (UUID) row[0],
                            (String) row[1],
                            null,
                            null,
                            (String) row[4],
                            (RiskLevel) row[2],
                            due,
                            due.isBefore(today));
                })
                .toList();
        return new Batch(items, total);
    }
}
