package org.casework.core.accounts;

import java.util.UUID;

/**
 * Someone typed the user's username with wrong passwords this many times in a row: the user is
 * told (in-app), so a real attack does not go unnoticed. Published once per run of failures.
 */
public record RepeatedLoginFailures(UUID userId, int failures) {}
