package org.casework.core.cases;

/** What a supervisor approves: a service plan or a closure. */
public enum ApprovalKind {
    PLAN,
    CLOSURE
}
