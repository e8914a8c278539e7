package org.casework.core.shared;

/** The five administrative levels, by the length of their statistical code. */
public enum RegionLevel {
    PROVINCE(2, 0),
    CITY(4, 2),
    COUNTY(6, 4),
    TOWNSHIP(9, 6),
    VILLAGE(12, 9);

    private final int codeLength;
    private final int parentLength;

    RegionLevel(int codeLength, int parentLength) {
        this.codeLength = codeLength;
        this.parentLength = parentLength;
    }

    public int codeLength() {
        return codeLength;
    }

    public int parentLength() {
        return parentLength;
    }

    public static RegionLevel ofCodeLength(int length) {
        for (RegionLevel level : values()) {
            if (level.codeLength == length) {
                return level;
            }
        }
        throw new IllegalArgumentException("No region level has codes of length " + length);
    }
}
