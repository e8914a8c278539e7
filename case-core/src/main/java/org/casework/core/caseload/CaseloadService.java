package org.casework.core.caseload;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.UserAccount;
import org.casework.core.cases.CaseState;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.security.Role;
import org.casework.core.shared.RiskLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Caseloads per worker for supervisors. Three GROUP BY queries over the open cases of the
 * jurisdiction and one for the workers; the work is the database's, whatever the number of cases.
 */
@Service
@RequiredArgsConstructor
public class CaseloadService {

    private static final List<CaseState> OPEN =
            Arrays.stream(CaseState.values()).filter(CaseState::isOpen).toList();
    private static final Set<CaseState> IN_REVIEW = Set.of(CaseState.PLAN_REVIEW, CaseState.CLOSURE_REVIEW);
    private static final List<Role> CASE_ROLES = Arrays.stream(Role.values())
            .filter(r -> r.has(Permission.WRITE_CASES))
            .toList();

    private final EntityManager entityManager;
    private final CurrentActor currentActor;
    private final Clock clock;

    /**
     * Every case worker of the caller's jurisdiction (with zeros when they have no open case), and
     * whoever else holds open cases there, ordered by name; unassigned cases come last.
     */
    @Transactional(readOnly = true)
    public List<WorkerCaseload> caseload() {
        Actor actor = currentActor.require(Permission.SUPERVISE_CASES);
        String scope = actor.scopePattern();
        Map<UUID, Tally> tallies = new HashMap<>();
        // One pass over the open cases gives both breakdowns (by state and by risk).
        for (Object[] row : rows(
                "select c.assignedWorkerId, c.state, c.effectiveRiskLevel, count(c)"
                        + " from CaseFile c where c.regionCode like :scope and c.state in :open"
                        + " group by c.assignedWorkerId, c.state, c.effectiveRiskLevel",
                scope,
                null)) {
            Tally t = tallies.computeIfAbsent((UUID) row[0], k -> new Tally());
            long count = (Long) row[3];
            t.byState.merge((CaseState) row[1], count, Long::sum);
            if (row[2] == null) {
                t.unknownRisk += count;
            } else {
                t.byRisk.merge((RiskLevel) row[2], count, Long::sum);
            }
        }
        for (Object[] row : rows(
                "select c.assignedWorkerId, count(distinct v.clientId) from CaseFile c"
                        + " join VisitSchedule v on v.clientId = c.primaryClientId"
                        + " where c.regionCode like :scope and c.state in :open and v.nextDueOn < :today"
                        + " group by c.assignedWorkerId",
                scope,
                LocalDate.now(clock))) {
            tallies.computeIfAbsent((UUID) row[0], k -> new Tally()).overdueVisits = (Long) row[1];
        }
        return assemble(tallies, workers(scope, tallies.keySet()));
    }

    /**
     * The enabled case workers of the caller's jurisdiction, by name: one query, without the
     * caseload's counting (for pickers such as reassignment).
     */
    @Transactional(readOnly = true)
    public List<CaseWorker> caseWorkers() {
        Actor actor = currentActor.require(Permission.SUPERVISE_CASES);
        return workers(actor.scopePattern(), Set.of()).stream()
                .sorted(Comparator.comparing(UserAccount::getDisplayName).thenComparing(UserAccount::getUsername))
                .map(u -> new CaseWorker(u.getId(), u.getUsername(), u.getDisplayName()))
                .toList();
    }

    private List<Object[]> rows(String jpql, String scope, LocalDate today) {
        var query = entityManager
                .createQuery(jpql, Object[].class)
                .setParameter("scope", scope)
                .setParameter("open", OPEN);
        if (today != null) {
            query.setParameter("today", today);
        }
        return query.getResultList();
    }

    /** The case workers of the jurisdiction, plus anyone else holding its cases (one query). */
    private List<UserAccount> workers(String scope, Set<UUID> holders) {
        Set<UUID> ids = new HashSet<>(holders);
        ids.remove(null);
        ids.add(new UUID(0, 0));
        return entityManager
                .createQuery(
                        "select u from UserAccount u where (u.jurisdictionCode like :scope and u.role in :roles"
                                + " and u.enabled = true) or u.id in :ids",
                        UserAccount.class)
                .setParameter("scope", scope)
                .setParameter("roles", CASE_ROLES)
                .setParameter("ids", ids)
                .getResultList();
    }

    private static List<WorkerCaseload> assemble(Map<UUID, Tally> tallies, List<UserAccount> workers) {
        List<WorkerCaseload> result = new ArrayList<>();
        workers.stream()
                .sorted(Comparator.comparing(UserAccount::getDisplayName).thenComparing(UserAccount::getUsername))
                .forEach(u -> result.add(tallies.getOrDefault(u.getId(), new Tally())
                        .toCaseload(u.getId(), u.getUsername(), u.getDisplayName())));
        if (tallies.containsKey(null)) {
            result.add(tallies.get(null).toCaseload(null, null, null));
        }
        return result;
    }

    private static final class Tally {
        private final Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
        private final Map<RiskLevel, Long> byRisk = new EnumMap<>(RiskLevel.class);
        private long unknownRisk;
        private long overdueVisits;

        WorkerCaseload toCaseload(UUID id, String username, String displayName) {
            long open = byState.values().stream().mapToLong(Long::longValue).sum();
            long waiting = byState.entrySet().stream()
                    .filter(e -> IN_REVIEW.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            return new WorkerCaseload(
                    id,
                    username,
                    displayName,
                    open,
                    new LinkedHashMap<>(byState),
                    new LinkedHashMap<>(byRisk),
                    unknownRisk,
                    overdueVisits,
                    waiting);
        }
    }
}
