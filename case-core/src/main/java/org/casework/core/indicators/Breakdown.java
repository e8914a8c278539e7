package org.casework.core.indicators;

/** How the region figures are broken down: by the next level down, or straight by village. */
public enum Breakdown {
    /** County → townships, township → villages. */
    REGION,
    /** Every village of the jurisdiction. */
    VILLAGE
}
