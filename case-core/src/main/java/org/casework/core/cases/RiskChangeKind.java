package org.casework.core.cases;

/** How a risk level came to be: proposed by the rules, confirmed by the worker, overridden by a supervisor. */
public enum RiskChangeKind {
    PROPOSED,
    CONFIRMED,
    OVERRIDDEN
}
