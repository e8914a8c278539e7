package org.casework.core.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
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

    private final List<WorkItemSource> sources;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** A page of the caller's work, most urgent first; village roles get their village's visits. */
    @Transactional(readOnly = true)
    public Page<WorkItem> worklist(Pageable pageable) {
        return worklist(pageable, EnumSet.allOf(WorkItemKind.class));
    }

    /** A page of the caller's work of the given kinds only (a supervisor's approvals, say). */
    @Transactional(readOnly = true)
    public Page<WorkItem> worklist(Pageable pageable, Set<WorkItemKind> kinds) {
        Actor actor = currentActor.get();
        if (!actor.has(Permission.READ_CLIENTS) && !actor.has(Permission.READ_CASES)) {
            throw new AccessDeniedException("error.forbidden");
        }
        long depth = (pageable.getPageNumber() + 1L) * pageable.getPageSize();
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException("page", "worklist.page.tooDeep", MAX_DEPTH);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        List<WorkItem> merged = new ArrayList<>();
        long total = 0;
        for (WorkItemSource source : sources) {
            if (kinds.contains(source.kind()) && source.appliesTo(actor)) {
                WorkItemSource.Batch batch = source.fetch(actor, today, horizon, (int) depth);
                merged.addAll(batch.items());
                total += batch.total();
            }
        }
        merged.sort(WorkItem.ORDER);
        int from = (int) Math.min(pageable.getOffset(), merged.size());
        int to = (int) Math.min(depth, merged.size());
        return new PageImpl<>(merged.subList(from, to), pageable, total);
    }
}
