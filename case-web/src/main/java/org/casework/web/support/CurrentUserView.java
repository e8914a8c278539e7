package org.casework.web.support;

import java.io.Serializable;
import org.casework.core.security.Actor;
import org.casework.core.security.Permission;

/**
 * The logged-in user as the page header and menus need them. Kept in the session, so it holds
 * only names and flags, never entities.
 */
public record CurrentUserView(
        String username,
        String displayName,
        String roleKey,
        String jurisdictionCode,
        String jurisdictionName,
        boolean canReadClients,
        boolean canWriteClients,
        boolean canUnmask,
        boolean canReadCases,
        boolean canWriteCases,
        boolean canSuperviseCases,
        boolean canManageUsers,
        boolean canHandleReferrals)
        implements Serializable {

    static CurrentUserView of(Actor actor, String displayName, String jurisdictionName) {
        return new CurrentUserView(
                actor.username(),
                displayName,
                actor.role().messageKey(),
                actor.jurisdiction() == null ? null : actor.jurisdiction().value(),
                jurisdictionName,
                actor.has(Permission.READ_CLIENTS),
                actor.has(Permission.WRITE_CLIENTS),
                actor.has(Permission.UNMASK_IDENTIFIERS),
                actor.has(Permission.READ_CASES),
                actor.has(Permission.WRITE_CASES),
                actor.has(Permission.SUPERVISE_CASES),
                actor.has(Permission.MANAGE_USERS),
                actor.has(Permission.HANDLE_REFERRALS));
    }
}
