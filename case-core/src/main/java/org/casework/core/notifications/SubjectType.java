package org.casework.core.notifications;

/** What a notification links to. */
public enum SubjectType {
    FLAG,
    REFERRAL,
    CASE,
    /** The recipient's own account (its password page). */
    ACCOUNT,
    CLIENT,
    /** A user (the one who reached the reveal limit): links to their access log. */
    USER
}
