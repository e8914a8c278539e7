package org.casework.core.assessments;

/** Henan's 特困 self-care finding, from the number of the six daily activities a person cannot manage. */
public enum SelfCareStatus {
    /** 具备生活自理能力: all six met. */
    CAPABLE,
    /** 部分丧失生活自理能力: one to three unmet. */
    PARTLY_LOST,
    /** 完全丧失生活自理能力: four or more unmet. */
    FULLY_LOST;

    public static SelfCareStatus ofUnmet(int unmet) {
        if (unmet < 0 || unmet > TekunSelfCarePolicy.ACTIVITIES.size()) {
            throw new IllegalArgumentException("between 0 and 6 activities can be unmet, not " + unmet);
        }
        if (unmet == 0) {
            return CAPABLE;
        }
        return unmet <= 3 ? PARTLY_LOST : FULLY_LOST;
    }
}
