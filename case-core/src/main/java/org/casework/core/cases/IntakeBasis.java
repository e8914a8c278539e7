package org.casework.core.cases;

/** Why the station may process the client's data: consent, or 民政's statutory duty. */
public enum IntakeBasis {
    CLIENT_CONSENT,
    GUARDIAN_CONSENT,
    STATUTORY_DUTY
}
