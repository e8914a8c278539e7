package org.casework.core.organisations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;

/** A county centre, township station, village room or partner department, bound to a region. */
@Entity
@Table(name = "organisation")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Organisation extends AbstractAggregate {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int CONTACT_NAME_MAX_LENGTH = 50;
    public static final int CONTACT_PHONE_MAX_LENGTH = 20;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private OrganisationType type;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 12)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Department department;

    @Column(length = 50)
    private String contactName;

    @Column(length = 20)
    private String contactPhone;

    private boolean active = true;

    public Organisation(OrganisationType type, String name, RegionCode region, Department department) {
        if (!type.acceptsRegion(region.level())) {
            throw new InvalidInputException("regionCode", "organisation.region.wrongLevel");
        }
        if ((type == OrganisationType.PARTNER_DEPARTMENT) != (department != null)) {
            throw new InvalidInputException("department", "organisation.department.required");
        }
        this.type = type;
        this.regionCode = region.value();
        this.department = department;
        rename(name);
    }

    public void rename(String newName) {
        String clean = FreeText.line("name", newName, NAME_MAX_LENGTH);
        if (clean == null) {
            throw new InvalidInputException("name", "organisation.name.required");
        }
        this.name = clean;
    }

    /** The office contact shown to stations making referrals (an office line, not a person's mobile). */
    public void changeContact(String contactName, String contactPhone) {
        this.contactName = FreeText.line("contactName", contactName, CONTACT_NAME_MAX_LENGTH);
        this.contactPhone = FreeText.line("contactPhone", contactPhone, CONTACT_PHONE_MAX_LENGTH);
    }

    public void deactivate() {
        active = false;
    }
}
