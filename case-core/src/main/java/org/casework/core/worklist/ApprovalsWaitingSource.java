package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
 *
 * <p>A county has thousands of them, so the database counts them and returns only the first
 * {@code limit} in {@link WorkItem#ORDER} (issue 14). It orders by risk, then by the submission
 * instant, then by id; {@link WorkItem#ORDER} orders by the submission <em>day</em>, then by id. The
 * two agree except inside the (risk, day) group the last row falls in, whose members the page may
 * take in instant order instead of id order: that group's first rows by id replace them (one more
 * query, limited to as many rows).
 */
@Component
@RequiredArgsConstructor
class ApprovalsWaitingSource implements WorkItemSource {

    private static final List<CaseState> IN_REVIEW = List.of(CaseState.PLAN_REVIEW, CaseState.CLOSURE_REVIEW);
    private static final ZoneId ZONE = ChinaTime.ZONE;

    private static final String WAITING = " from CaseFile c join Client cl on cl.id = c.primaryClientId"
            + " where c.regionCode like :scope and c.state in :review"
            + " and (c.assignedWorkerId is null or c.assignedWorkerId <> :me)";
    /** When the case entered its review state; a case without that transition counts as submitted today. */
    private static final String SUBMITTED = "coalesce((select max(t.occurredAt) from CaseTransition t"
            + " where t.caseFile = c and t.toState = c.state), :today)";
    /** {@link RiskLevel}'s order, unknown last, as {@link WorkItem#ORDER} has it. */
    private static final String RISK_RANK = "case when c.effectiveRiskLevel = :red then 0"
            + " when c.effectiveRiskLevel = :orange then 1 when c.effectiveRiskLevel = :yellow then 2"
            + " when c.effectiveRiskLevel = :green then 3 else 4 end";

    private static final String COLUMNS = "select c.id, c.caseNumber, c.primaryClientId, cl.fullName,"
            + " c.effectiveRiskLevel, c.regionCode, " + SUBMITTED;

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
        Long total = entityManager
                .createQuery("select count(c)" + WAITING, Long.class)
                .setParameter("scope", actor.scopePattern())
                .setParameter("review", IN_REVIEW)
                .setParameter("me", actor.userId())
                .getSingleResult();
        if (total == 0 || limit == 0) {
            return new Batch(List.of(), total);
        }
        Instant todayStart = today.atStartOfDay(ZONE).toInstant();
        List<WorkItem> page = new ArrayList<>(rows(
                        COLUMNS + WAITING + " order by " + RISK_RANK + ", " + SUBMITTED + ", c.id",
                        actor,
                        todayStart,
                        limit)
                .getResultList()
                .stream()
                .map(row -> item(row, today))
                .toList());
        WorkItem last = page.get(page.size() - 1);
        List<WorkItem> group = page.stream()
                .filter(i -> i.risk() == last.risk() && i.dueOn().equals(last.dueOn()))
                .toList();
        if (total > page.size()) {
            // rows of the group beyond the page may come before some in it: the group's first by id
            page.removeAll(group);
            var query = rows(
                            COLUMNS + WAITING + " and " + RISK_RANK + " = :rank"
                                    + " and " + SUBMITTED + " >= :dayStart and " + SUBMITTED + " < :dayEnd"
                                    + " order by c.id",
                            actor,
                            todayStart,
                            group.size())
                    .setParameter("rank", last.risk() == null ? 4 : last.risk().ordinal())
                    .setParameter("dayStart", last.dueOn().atStartOfDay(ZONE).toInstant())
                    .setParameter(
                            "dayEnd",
                            last.dueOn().plusDays(1).atStartOfDay(ZONE).toInstant());
            query.getResultList().forEach(row -> page.add(item(row, today)));
        }
        page.sort(WorkItem.ORDER);
        return new Batch(page, total);
    }

    private jakarta.persistence.TypedQuery<Object[]> rows(String hql, Actor actor, Instant todayStart, int limit) {
        return entityManager
                .createQuery(hql, Object[].class)
                .setParameter("scope", actor.scopePattern())
                .setParameter("review", IN_REVIEW)
                .setParameter("me", actor.userId())
                .setParameter("today", todayStart)
                .setParameter("red", RiskLevel.RED)
                .setParameter("orange", RiskLevel.ORANGE)
                .setParameter("yellow", RiskLevel.YELLOW)
                .setParameter("green", RiskLevel.GREEN)
                .setMaxResults(limit);
    }

    private static WorkItem item(Object[] row, LocalDate today) {
        LocalDate since = row[6] == null ? today : LocalDate.ofInstant((Instant) row[6], ZONE);
        return new WorkItem(
                WorkItemKind.APPROVAL_WAITING,
                (UUID) row[2],
                (String) row[3],
                (UUID) row[0],
                (String) row[1],
                (String) row[5],
                (RiskLevel) row[4],
                since,
                false);
    }
}
