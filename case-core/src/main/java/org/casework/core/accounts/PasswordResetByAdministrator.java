package org.casework.core.accounts;

import java.util.UUID;

/**
 * An administrator set a new password for the user: whatever was signed in with the old one (API
 * tokens here, field devices in sync) must stop working. Published inside the reset's transaction.
 */
public record PasswordResetByAdministrator(UUID userId, String administrator) {}
