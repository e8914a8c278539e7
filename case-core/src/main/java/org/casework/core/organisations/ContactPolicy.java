package org.casework.core.organisations;

import org.casework.core.security.Actor;
import org.casework.core.security.Permission;
import org.casework.core.security.Role;

/**
 * Who may change an organisation's office contact (the number a liaison calls back): an
 * administrator for any organisation, a station head for their own station only, because the
 * station answers that phone and knows when it changes.
 */
public final class ContactPolicy {

    private ContactPolicy() {}

    public static boolean mayChange(Actor actor, Organisation organisation) {
        if (actor.has(Permission.MANAGE_ORGANISATIONS)) {
            return true;
        }
        return actor.role() == Role.STATION_HEAD
                && organisation.getType() == OrganisationType.TOWNSHIP_STATION
                && organisation.getId().equals(actor.organisationId())
                && organisation.getRegionCode().startsWith(actor.jurisdiction().value());
    }
}
