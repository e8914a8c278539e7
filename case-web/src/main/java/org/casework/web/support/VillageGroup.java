package org.casework.web.support;

import java.util.List;

/** Villages of one township, for an {@code <optgroup>} of a village picker. */
public record VillageGroup(String townshipCode, String townshipName, List<Option> villages) {

    /** A code and its name. */
    public record Option(String code, String name) {}
}
