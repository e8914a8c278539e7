package org.casework.core.clients;

/** Registry categories: they drive periodic visits whether or not a case is open. */
public enum CategoryType {
    /** 留守儿童: under 16, both parents away (or one away, the other unable to guard). */
    LEFT_BEHIND_CHILD(true, false),
    /** 困境儿童, with a sub-type. */
    CHILD_IN_DIFFICULTY(true, true),
    /** 留守妇女. */
    LEFT_BEHIND_WOMAN(false, false),
    /** 老年人, with a sub-flag (独居, 空巢 …). */
    ELDERLY(false, true),
    /** 困难家庭, with the assistance type. */
    HOUSEHOLD_IN_DIFFICULTY(false, true);

    private final boolean forChildren;
    private final boolean needsSubType;

    CategoryType(boolean forChildren, boolean needsSubType) {
        this.forChildren = forChildren;
        this.needsSubType = needsSubType;
    }

    public boolean isForChildren() {
        return forChildren;
    }

    public boolean needsSubType() {
        return needsSubType;
    }
}
