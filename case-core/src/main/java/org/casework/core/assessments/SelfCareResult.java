package org.casework.core.assessments;

import java.util.List;

/** The 特困 self-care finding with the activities the person cannot manage. */
public record SelfCareResult(SelfCareStatus status, List<String> unmetActivities) {

    public SelfCareResult {
        unmetActivities = List.copyOf(unmetActivities);
    }
}
