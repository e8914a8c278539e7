package org.casework.web.admin;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
        String maskedPhone,
        int failedLogins,
        Long throttledForSeconds,
        boolean passwordChangeRequired) {

    static UserRow of(
            UserAccount u,
            Map<String, String> regionNames,
            Map<UUID, String> organisations,
            Optional<Duration> throttled) {
        return new UserRow(
                u.getId(),
                u.getUsername(),
                u.getDisplayName(),
                u.getRole().messageKey(),
                regionNames.getOrDefault(u.getJurisdictionCode(), u.getJurisdictionCode()),
                u.getOrganisationId() == null ? null : organisations.get(u.getOrganisationId()),
                u.isEnabled(),
                u.maskedPhone(),
                u.getFailedLogins(),
                throttled.map(d -> Math.max(1, (d.toMillis() + 999) / 1000)).orElse(null),
                u.isPasswordChangeRequired());
    }

    /** Wrong passwords lately, or a throttle: the administrator may unlock. */
    public boolean unlockable() {
        return failedLogins > 0 || throttledForSeconds != null;
    }
}
