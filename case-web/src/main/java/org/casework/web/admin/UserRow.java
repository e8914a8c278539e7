package org.casework.web.admin;

import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.UserAccount;

/** A user as the administration list shows them; never the password hash. */
public record UserRow(
        UUID id,
        String username,
        String displayName,
        String roleKey,
        String jurisdiction,
        String organisation,
        boolean enabled,
        String maskedPhone) {

    static UserRow of(UserAccount u, Map<String, String> regionNames, Map<UUID, String> organisations) {
        return new UserRow(
                u.getId(),
                u.getUsername(),
                u.getDisplayName(),
                u.getRole().messageKey(),
                regionNames.getOrDefault(u.getJurisdictionCode(), u.getJurisdictionCode()),
                u.getOrganisationId() == null ? null : organisations.get(u.getOrganisationId()),
                u.isEnabled(),
                u.maskedPhone());
    }
}
