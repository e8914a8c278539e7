package org.casework.core.audit;

import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;

/**
 * Who may read the audit logs, and how much. Supervisors (station heads, township child
 * supervisors, county supervisors) and administrators oversee their jurisdiction; a station worker
 * sees only what they did themselves; village roles and department liaisons see no audit log.
 */
public enum AuditAccess {
    /** Every entry within the actor's jurisdiction. */
    JURISDICTION,
    /** Only the actor's own entries. */
    OWN;

    /**
     * @throws AccessDeniedException for roles without case access (village roles, liaisons)
     */
    public static AuditAccess of(Actor actor) {
        if (actor.has(Permission.SUPERVISE_CASES) || actor.has(Permission.MANAGE_USERS)) {
            return JURISDICTION;
        }
        if (actor.has(Permission.WRITE_CASES)) {
            return OWN;
        }
        throw new AccessDeniedException("audit.forbidden");
    }
}
