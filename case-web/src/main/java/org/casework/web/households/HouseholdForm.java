package org.casework.web.households;

import lombok.Getter;
import lombok.Setter;
import org.casework.core.households.HouseholdService.HouseholdDetails;

/** A new household as typed. */
@Getter
@Setter
public class HouseholdForm {

    private String name;
    private String regionCode;
    private String address;
    private String notes;

    HouseholdDetails toDetails() {
        return new HouseholdDetails(name, regionCode, address, notes);
    }
}
