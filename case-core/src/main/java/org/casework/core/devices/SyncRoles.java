package org.casework.core.devices;

import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.AccessDeniedException;

/**
 * The roles whose devices sync (protocol §4): village roles and station workers. Here rather than
 * in the sync engine because registering a device checks it too.
 */
public final class SyncRoles {

    private SyncRoles() {}

    public static boolean syncs(Role role) {
        return role == Role.VILLAGE_CHILD_DIRECTOR || role == Role.VILLAGE_ROOM_WORKER || role == Role.STATION_WORKER;
    }

    /** Refuses roles that do not sync. */
    public static void require(Actor actor) {
        if (!syncs(actor.role())) {
            throw new AccessDeniedException("sync.roleNotSynced");
        }
    }
}
