package org.casework.core.clients;

/** Where a child's parent is; drives 留守 and 事实无人抚养 assessments. */
public enum ParentStatus {
    AT_HOME,
    WORKING_AWAY,
    DECEASED,
    MISSING,
    SERIOUSLY_DISABLED,
    IMPRISONED,
    UNKNOWN
}
