package org.casework.core.plans;

import java.util.Optional;
import org.casework.core.accounts.UserAccount;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.security.Permission;
import org.casework.core.security.Role;
import org.casework.core.shared.InvalidInputException;

/**
 * Who may be made responsible for an activity of a client's plan (issue 15): station staff whose
 * jurisdiction reaches the client's village; the village child director of that very village (a
 * director of the next village does not know the family and cannot visit it); or an active partner
 * organisation serving the client's area. A partner written in by hand needs no check beyond its
 * text. Pure, so the rule is tested without a database.
 */
final class ActivityOwnerRule {

    private ActivityOwnerRule() {}

    /** Refuses an account that may not take an activity of a client living in {@code village}. */
    static void checkUser(Optional<UserAccount> found, String village) {
        UserAccount user = found.filter(UserAccount::isEnabled)
                .orElseThrow(() -> new InvalidInputException("activities", "plan.activity.workerUnreachable"));
        if (user.getRole() == Role.VILLAGE_CHILD_DIRECTOR) {
            if (!village.startsWith(user.getJurisdictionCode())) {
                throw new InvalidInputException(
                        "activities", "plan.activity.directorOutsideVillage", user.getDisplayName());
            }
            return;
        }
        if (!user.getRole().has(Permission.WRITE_CLIENTS) || !village.startsWith(user.getJurisdictionCode())) {
            throw new InvalidInputException("activities", "plan.activity.workerUnreachable");
        }
    }

    /** Refuses an organisation that is no active partner serving the client's village. */
    static void checkOrganisation(Optional<Organisation> found, String village) {
        Organisation organisation = found.filter(ActivityOwnerRule::isPartner)
                .orElseThrow(() -> new InvalidInputException("activities", "plan.activity.partnerUnknown"));
        if (!village.startsWith(organisation.getRegionCode())) {
            throw new InvalidInputException("activities", "plan.activity.partnerOutsideArea", organisation.getName());
        }
    }

    /** An active partner department or social work organisation: who may take a plan activity. */
    static boolean isPartner(Organisation organisation) {
        return organisation.isActive()
                && (organisation.getType() == OrganisationType.PARTNER_DEPARTMENT
                        || organisation.getType() == OrganisationType.SOCIAL_WORK_ORGANISATION);
    }

    /** A partner that {@link #checkOrganisation} accepts for a client living in {@code village}. */
    static boolean servesVillage(Organisation organisation, String village) {
        return isPartner(organisation) && village.startsWith(organisation.getRegionCode());
    }
}
