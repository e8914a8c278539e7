package org.casework.core.sync;

import java.util.LinkedHashSet;
import java.util.Set;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.AccessDeniedException;

/**
 * Which scope keys a user's device holds (protocol §4), computed from the current role and
 * jurisdiction at every sync: village roles get their village; other roles do not sync in v1.
 */
public final class SyncScope {

    /** The scope key of reference data (regions, flag and visit types). */
    public static final String REF = "ref";

    private SyncScope() {}

    public static boolean syncs(Role role) {
        return role == Role.VILLAGE_CHILD_DIRECTOR || role == Role.VILLAGE_ROOM_WORKER;
    }

    /** Refuses roles that do not sync. */
    public static void require(Actor actor) {
        if (!syncs(actor.role())) {
            throw new AccessDeniedException("sync.roleNotSynced");
        }
    }

    /** The village keys of the actor's jurisdiction (one village for the village roles). */
    public static Set<String> villages(Actor actor) {
        require(actor);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(actor.jurisdiction().value());
        return keys;
    }

    /** Village keys plus reference data. */
    public static Set<String> keys(Actor actor) {
        Set<String> keys = new LinkedHashSet<>(villages(actor));
        keys.add(REF);
        return keys;
    }
}
