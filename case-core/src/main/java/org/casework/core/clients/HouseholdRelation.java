package org.casework.core.clients;

/** Relation to the head of household, GB/T 4761-2008 codes. */
public enum HouseholdRelation {
    HEAD("02"),
    SPOUSE("10"),
    SON("20"),
    DAUGHTER("30"),
    GRANDCHILD("40"),
    PARENT("50"),
    GRANDPARENT("60"),
    SIBLING("70"),
    OTHER_RELATIVE("80"),
    NON_RELATIVE("99");

    private final String code;

    HouseholdRelation(String code) {
        this.code = code;
    }

    /** The GB/T 4761 code, for exchange with other civil-affairs systems. */
    public String code() {
        return code;
    }
}
