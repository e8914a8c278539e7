package org.casework.core.audit;

import java.util.UUID;
import org.casework.core.shared.RegionCode;

/**
 * A user was refused a reveal for the first time in a period: their supervisors are alerted (once
 * per period, however many more attempts follow).
 *
 * @param userId the user who reached the limit
 * @param username their username, for the alert's text (staff, not client data)
 * @param jurisdiction their jurisdiction: decides whose station head hears of it
 * @param limit the reveals allowed per period
 * @param periodMinutes the period
 */
public record RevealLimitReached(
        UUID userId, String username, RegionCode jurisdiction, int limit, long periodMinutes) {}
