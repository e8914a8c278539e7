package org.casework.core.security;

import java.util.UUID;
import org.casework.core.shared.RegionCode;

/**
 * The user on whose behalf a service runs: who they are, their role and their jurisdiction (a
 * region subtree). Services take it from {@link CurrentActor}.
 */
public record Actor(UUID userId, String username, Role role, RegionCode jurisdiction, UUID organisationId)
        implements java.io.Serializable {

    public boolean has(Permission permission) {
        return role.has(permission);
    }

    /** True when the region lies inside this actor's jurisdiction. */
    public boolean covers(RegionCode region) {
        return jurisdiction != null && jurisdiction.contains(region);
    }

    /** The LIKE pattern that limits queries to the jurisdiction subtree. */
    public String scopePattern() {
        return jurisdiction.value() + "%";
    }
}
