package org.casework.core.plans;

import java.util.UUID;

/**
 * Who carries out a planned activity: a user account (station staff, or the village child director
 * of the client's village), a registered partner organisation, or a partner written in by hand
 * (name, and contact person and phone). At most one of the three; none while the draft is unfinished.
 */
public record ActivityOwner(UUID userId, UUID organisationId, String partnerName, String partnerContact) {

    public static final ActivityOwner NONE = new ActivityOwner(null, null, null, null);

    public static ActivityOwner user(UUID userId) {
        return new ActivityOwner(userId, null, null, null);
    }

    public boolean isNone() {
        return userId == null && organisationId == null && partnerName == null;
    }

    public boolean isPartner() {
        return organisationId != null || partnerName != null;
    }
}
