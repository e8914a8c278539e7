package org.casework.core.accounts;

/** A login name with the display name people know its owner by (a projection, no entity loaded). */
public record LoginName(String username, String displayName) {}
