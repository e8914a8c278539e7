package org.casework.core.worklist;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current user's worklist, merged from every {@link WorkItemSource} that applies to their role.
 * Each source returns its first (page + 1) × size items in the common order; the merge sorts those
 * and cuts the page, so no source ever reads more than the pages asked for.
 */
@Service
@RequiredArgsConstructor
public class WorklistService {

    /** Visits due within this many days are listed ahead, so a week can be planned. */
    public static final int HORIZON_DAYS = 7;
    /** Deep pages cost every source (page + 1) × size rows: nobody works a list that long. */
    static final int MAX_DEPTH = 10_000;
    /**
     * A source may stop counting here: one more than the list can show is enough to know the total
     * is capped ({@link WorklistPage}).
     */
    public static final int COUNT_LIMIT = MAX_DEPTH + 1;

    private final List<WorkItemSource> sources;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final EntityManager entityManager;

    /** A page of the caller's work, most urgent first; village roles get their village's visits. */
    @Transactional(readOnly = true)
    public WorklistPage worklist(Pageable pageable) {
        return worklist(pageable, EnumSet.allOf(WorkItemKind.class));
    }

    /** A page of the caller's work of the given kinds only (a supervisor's approvals, say). */
    @Transactional(readOnly = true)
    public WorklistPage worklist(Pageable pageable, Set<WorkItemKind> kinds) {
        return worklist(pageable, WorkFilter.of(kinds));
    }

    /**
     * A page of the caller's work narrowed by the filter. The village narrows the jurisdiction every
     * source queries; the due window moves the horizon; risk, overdue and worker are checked on the
     * items, reading at most {@link #MAX_DEPTH} of them (so a filtered list is exact up to there).
     * The total counts up to {@link #MAX_DEPTH} items, the deepest the list pages ({@link WorklistPage}).
     *
     * @throws InvalidInputException for a village outside the jurisdiction or a window out of range
     */
    @Transactional(readOnly = true)
    public WorklistPage worklist(Pageable pageable, WorkFilter filter) {
        Actor actor = currentActor.get();
        if (!actor.has(Permission.READ_CLIENTS) && !actor.has(Permission.READ_CASES)) {
            throw new AccessDeniedException("error.forbidden");
        }
        long depth = (pageable.getPageNumber() + 1L) * pageable.getPageSize();
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException("page", "worklist.page.tooDeep", MAX_DEPTH);
        }
        Actor scoped = narrowed(actor, filter.village());
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(window(filter));
        int limit = filter.needsScan() ? MAX_DEPTH : (int) depth;
        List<WorkItem> merged = new ArrayList<>();
        long total = 0;
        for (WorkItemSource source : sources) {
            if (filter.kinds().contains(source.kind()) && source.appliesTo(scoped)) {
                WorkItemSource.Batch batch = source.fetch(scoped, today, horizon, limit);
                merged.addAll(batch.items());
                total += batch.total();
            }
        }
        if (filter.needsScan()) {
            merged = scan(merged, filter);
            total = merged.size();
        }
        merged.sort(WorkItem.ORDER);
        int from = (int) Math.min(pageable.getOffset(), merged.size());
        int to = (int) Math.min(depth, merged.size());
        List<WorkItem> page = completed(merged.subList(from, to), scoped, filter);
        return new WorklistPage(page, pageable, Math.min(total, MAX_DEPTH), total > MAX_DEPTH);
    }

    /** The page's items as each source completes its own ({@link WorkItemSource#complete}), in page order. */
    private List<WorkItem> completed(List<WorkItem> page, Actor actor, WorkFilter filter) {
        Map<WorkItem, WorkItem> done = new IdentityHashMap<>();
        for (WorkItemSource source : sources) {
            if (filter.kinds().contains(source.kind()) && source.appliesTo(actor)) {
                List<WorkItem> mine = page.stream()
                        .filter(item -> item.kind() == source.kind())
                        .toList();
                if (!mine.isEmpty()) {
                    List<WorkItem> complete = source.complete(mine);
                    for (int i = 0; i < mine.size(); i++) {
                        done.put(mine.get(i), complete.get(i));
                    }
                }
            }
        }
        return page.stream().map(item -> done.getOrDefault(item, item)).toList();
    }

    /** The actor as if their jurisdiction were the village (or township) asked for, inside their own. */
    private static Actor narrowed(Actor actor, String village) {
        if (village == null) {
            return actor;
        }
        RegionCode region = RegionCode.parse(village);
        if (!actor.covers(region)) {
            throw new InvalidInputException("village", "worklist.village.outside");
        }
        return new Actor(actor.userId(), actor.username(), actor.role(), region, actor.organisationId());
    }

    private static int window(WorkFilter filter) {
        if (filter.overdueOnly()) {
            return -1;
        }
        if (filter.dueWithinDays() == null) {
            return HORIZON_DAYS;
        }
        if (filter.dueWithinDays() < 0 || filter.dueWithinDays() > WorkFilter.MAX_WINDOW_DAYS) {
            throw new InvalidInputException("due", "worklist.due.range", WorkFilter.MAX_WINDOW_DAYS);
        }
        return filter.dueWithinDays();
    }

    private List<WorkItem> scan(List<WorkItem> items, WorkFilter filter) {
        Set<UUID> workersCases = filter.workerId() == null ? Set.of() : casesOf(filter.workerId(), items);
        return items.stream()
                .filter(i -> filter.risk() == null || filter.risk() == i.risk())
                .filter(i -> !filter.overdueOnly() || i.overdue())
                .filter(i -> filter.workerId() == null || (i.caseId() != null && workersCases.contains(i.caseId())))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** Which of the items' cases are assigned to the worker: one query for the lot. */
    private Set<UUID> casesOf(UUID workerId, List<WorkItem> items) {
        List<UUID> caseIds = items.stream()
                .map(WorkItem::caseId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager
                .createQuery(
                        "select c.id from CaseFile c where c.id in :ids and c.assignedWorkerId = :worker", UUID.class)
                .setParameter("ids", caseIds)
                .setParameter("worker", workerId)
                .getResultList());
    }
}
