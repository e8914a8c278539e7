package org.casework.core.clients;

/** How a category came to be known: 认定, 摸排, 预警, 自报. */
public enum CategorySource {
    ACCREDITED,
    OUTREACH,
    ALERT,
    SELF_REPORTED
}
