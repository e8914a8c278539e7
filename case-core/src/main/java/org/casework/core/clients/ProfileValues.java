package org.casework.core.clients;

import java.util.Arrays;
import java.util.List;

/** Comparable snapshots of the embedded profiles, so the history can tell whether one changed. */
final class ProfileValues {

    private ProfileValues() {}

    static List<Object> of(ChildProfile p) {
        return Arrays.asList(
                p.getFatherStatus(),
                p.getFatherWorkplace(),
                p.getMotherStatus(),
                p.getMotherWorkplace(),
                p.getGuardianName(),
                p.getGuardianRelation(),
                p.getGuardianPhone(),
                p.getCarerName(),
                p.getCarerRelation(),
                p.getCarerPhone(),
                p.getSchool(),
                p.getLastParentContact());
    }

    static List<Object> of(ElderlyProfile p) {
        return Arrays.asList(p.getLivingArrangement(), p.getSupporters());
    }
}
