package org.casework.core.indicators;

import java.util.List;

/** The items behind a figure, at most {@link IndicatorDrillDown#LIMIT}; {@code total} counts them all. */
public record DrillDown(Figure figure, String jurisdiction, long total, List<DrillDownItem> items) {

    public boolean truncated() {
        return total > items.size();
    }
}
