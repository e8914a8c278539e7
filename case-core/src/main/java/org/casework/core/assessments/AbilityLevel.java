package org.casework.core.assessments;

/** The five elderly ability levels of GB/T 42195-2022, from 0 (intact) to 4 (total loss). */
public enum AbilityLevel {
    /** 能力完好: 90 points. */
    INTACT(90),
    /** 轻度失能: 66-89. */
    MILD(66),
    /** 中度失能: 46-65. */
    MODERATE(46),
    /** 重度失能: 30-45. */
    SEVERE(30),
    /** 完全失能: 0-29. */
    TOTAL_LOSS(0);

    public static final int MAX_TOTAL = 90;

    private final int lowestTotal;

    AbilityLevel(int lowestTotal) {
        this.lowestTotal = lowestTotal;
    }

    /** The standard's number for the level, 0 to 4. */
    public int number() {
        return ordinal();
    }

    /** The level of a total score of 0 to 90. */
    public static AbilityLevel ofTotal(int total) {
        if (total < 0 || total > MAX_TOTAL) {
            throw new IllegalArgumentException("a GB/T 42195 total lies between 0 and 90, not " + total);
        }
        for (AbilityLevel level : values()) {
            if (total >= level.lowestTotal) {
                return level;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** This level raised by some steps, never beyond total loss. */
    public AbilityLevel raisedBy(int steps) {
        return values()[Math.min(ordinal() + steps, TOTAL_LOSS.ordinal())];
    }
}
