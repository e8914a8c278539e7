package org.casework.core.worklist;

import java.util.List;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of the worklist. Its total counts at most {@link WorklistService#MAX_DEPTH} items, the
 * deepest the list pages: when the jurisdiction has more (a county's visits due, say), the total is
 * that limit and {@link #isTotalCapped()} says "more than that", so nothing counts what nobody can
 * page to.
 */
public class WorklistPage extends PageImpl<WorkItem> {

    private final boolean totalCapped;

    WorklistPage(List<WorkItem> content, Pageable pageable, long total, boolean totalCapped) {
        super(content, pageable, total);
        this.totalCapped = totalCapped;
    }

    /** Whether there are more items than {@link #getTotalElements()}. */
    public boolean isTotalCapped() {
        return totalCapped;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && ((WorklistPage) other).totalCapped == totalCapped;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(totalCapped);
    }
}
