package org.casework.core.households;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;

/**
 * A household (户) in a village. Its members are clients holding its id with their relation to
 * the head (GB/T 4761).
 */
@Entity
@Table(name = "household")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Household extends AbstractAggregate {

    @Column(nullable = false, length = 50)
    private String name;

    @Column(nullable = false, length = 12)
    private String regionCode;

    @Column(length = 300)
    private String address;

    @Column(length = 500)
    private String notes;

    public Household(String name, RegionCode village, String address, String notes) {
        change(name, village, address, notes);
    }

    /** Moves or renames the household (name is usually the head's: "张建国户"). */
    public void change(String newName, RegionCode village, String newAddress, String newNotes) {
        if (newName == null || newName.isBlank() || newName.strip().length() > 50) {
            throw new InvalidInputException("name", "household.name.required");
        }
        if (village == null || village.level() != RegionLevel.VILLAGE) {
            throw new InvalidInputException("regionCode", "household.region.village");
        }
        this.name = newName.strip();
        this.regionCode = village.value();
        this.address = newAddress == null || newAddress.isBlank() ? null : newAddress.strip();
        this.notes = newNotes == null || newNotes.isBlank() ? null : newNotes.strip();
    }

    public RegionCode region() {
        return new RegionCode(regionCode);
    }
}
