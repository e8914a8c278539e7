package org.casework.core.worklist;

import java.time.LocalDate;
import java.util.List;
import org.casework.core.security.Actor;

/**
 * One kind of worklist item. The extension point of the worklist: a Spring bean implementing this
 * is merged in by {@link WorklistService}; it must scope its query to the actor's jurisdiction.
 */
public interface WorkItemSource {

    /** The one kind of item this source lists. */
    WorkItemKind kind();

    /** Whether the actor's role gets this kind of item at all. */
    boolean appliesTo(Actor actor);

    /**
     * The first {@code limit} items in {@link WorkItem#ORDER}, and how many there are in all; a source
     * whose count would read more may stop counting at {@link WorklistService#COUNT_LIMIT}.
     *
     * @param horizon items due after this day are not on the list yet
     */
    Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit);

    /**
     * The given items of this source's kind (the page's share of what {@link #fetch} returned), in the
     * same order, with what the list shows but the order does not need: names, case numbers. A deep
     * page makes every source read up to (page + 1) × size items, of which the page keeps a few, so a
     * source may leave those columns out of {@code fetch} and read them here for the few (issue 14).
     * By default the items are complete already.
     */
    default List<WorkItem> complete(List<WorkItem> items) {
        return items;
    }

    record Batch(List<WorkItem> items, long total) {}
}
