package org.casework.web.households;

import java.util.Map;
import java.util.UUID;
import org.casework.core.households.Household;

/** A household as lists and its page show it: the village by name. */
public record HouseholdRow(UUID id, String name, String villageName, String address, String notes) {

    static HouseholdRow of(Household h, Map<String, String> names) {
        return new HouseholdRow(
                h.getId(),
                h.getName(),
                names.getOrDefault(h.getRegionCode(), h.getRegionCode()),
                h.getAddress(),
                h.getNotes());
    }
}
