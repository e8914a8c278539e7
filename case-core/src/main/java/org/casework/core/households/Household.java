package org.casework.core.households;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.PinyinSortKey;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;

/**
 * A household (户) in a village. Its members are clients holding its id with their relation to
 * the head (GB/T 4761). Address and notes are encrypted at rest; the name is the search key of the
 * household list and stays in clear (docs/security.md).
 */
@Entity
@Table(name = "household")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Household extends AbstractAggregate {

    public static final int NAME_MAX_LENGTH = 50;
    public static final int ADDRESS_MAX_LENGTH = 300;
    public static final int NOTES_MAX_LENGTH = 500;

    @Column(nullable = false, length = 50)
    private String name;

    /** The name's pinyin, the order of household lists (V17). */
    @Column(name = "name_pinyin", length = 200)
    private String namePinyin;

    @Column(nullable = false, length = 12)
    private String regionCode;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "address_enc", columnDefinition = "TEXT")
    private String address;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "notes_enc", columnDefinition = "TEXT")
    private String notes;

    public Household(String name, RegionCode village, String address, String notes) {
        change(name, village, address, notes);
    }

    /** Moves or renames the household (name is usually the head's: "张建国户"). */
    public void change(String newName, RegionCode village, String newAddress, String newNotes) {
        String cleanName = FreeText.line("name", newName, NAME_MAX_LENGTH);
        if (cleanName == null) {
            throw new InvalidInputException("name", "household.name.required");
        }
        if (village == null || village.level() != RegionLevel.VILLAGE) {
            throw new InvalidInputException("regionCode", "household.region.village");
        }
        this.name = cleanName;
        this.namePinyin = PinyinSortKey.of(cleanName);
        this.regionCode = village.value();
        this.address = FreeText.line("address", newAddress, ADDRESS_MAX_LENGTH);
        this.notes = FreeText.block("notes", newNotes, NOTES_MAX_LENGTH);
    }

    public RegionCode region() {
        return new RegionCode(regionCode);
    }
}
