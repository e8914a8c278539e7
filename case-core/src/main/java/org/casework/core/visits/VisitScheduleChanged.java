package org.casework.core.visits;

import java.util.UUID;

/**
 * A client's {@code visit_schedule} row was written (its refresh time, the version devices hold,
 * changed): published by the per-client refresh and by the nightly batch alike, inside the
 * transaction that wrote the row, so the sync change log tells devices about every new due date,
 * also those that change with time alone (the nightly pass) or through a flag or an assessment.
 *
 * @param regionCode the village the row is under now
 * @param previousRegionCode the village it was under before, or null for a new row
 */
public record VisitScheduleChanged(UUID clientId, String regionCode, String previousRegionCode) {

    /** Whether the row moved to another village (devices of the old one must drop it). */
    public boolean moved() {
        return previousRegionCode != null && !previousRegionCode.equals(regionCode);
    }
}
