package org.casework.core.clients;

/** How an elderly person lives (独居, 与配偶, 与子女 …). */
public enum LivingArrangement {
    ALONE,
    WITH_SPOUSE,
    WITH_CHILDREN,
    WITH_OTHERS,
    INSTITUTION
}
