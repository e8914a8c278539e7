package org.casework.core.notifications;

/** What a notification links to. */
public enum SubjectType {
    FLAG,
    REFERRAL,
    CASE,
    CLIENT
}
