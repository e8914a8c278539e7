package org.casework.core.clients;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;

/**
 * A person in the registry. ID and phone numbers are stored encrypted, with a blind index for
 * uniqueness and a four-character tail for search; the address and the reason for a missing ID are
 * encrypted too. The name stays searchable in clear (docs/security.md, "Fields kept in clear and
 * why"); the residence village decides who may see the record.
 */
@Entity
@Table(name = "client")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Client extends AbstractAggregate {

    /** 留守儿童 are children under 16 (product.md): the category ends at the 16th birthday. */
    public static final int LEFT_BEHIND_AGE_LIMIT = 16;

    /** 高龄老人: 80 and over. */
    public static final int ADVANCED_AGE = 80;

    public static final int ETHNICITY_MAX_LENGTH = 20;
    public static final int NO_ID_REASON_MAX_LENGTH = 200;
    public static final int ADDRESS_MAX_LENGTH = 300;

    @Column(nullable = false, length = 50)
    private String fullName;

    @Column(nullable = false, length = 200)
    private String namePinyin;

    @Column(nullable = false, length = 50)
    private String nameInitials;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Sex sex;

    @Column(nullable = false)
    private LocalDate birthDate;

    @Column(length = 20)
    private String ethnicity;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "id_number_enc", length = 200)
    private String idNumber;

    @Column(name = "id_number_hash", length = 64, unique = true)
    private String idNumberHash;

    @Column(name = "id_number_tail", length = 4)
    private String idNumberTail;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "no_id_reason_enc", columnDefinition = "TEXT")
    private String noIdReason;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "phone_enc", length = 200)
    private String phone;

    @Column(name = "phone_tail", length = 4)
    private String phoneTail;

    @Column(length = 12)
    private String hukouRegionCode;

    @Column(nullable = false, length = 12)
    private String residenceRegionCode;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "address_enc", columnDefinition = "TEXT")
    private String address;

    @Column(columnDefinition = "BINARY(16)")
    private UUID householdId;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private HouseholdRelation relationToHead;

    @Embedded
    private ChildProfile childProfile;

    @Embedded
    private ElderlyProfile elderlyProfile;

    @OneToMany(mappedBy = "client", cascade = CascadeType.ALL)
    @OrderBy("validFrom")
    private List<ClientCategory> categories = new ArrayList<>();

    public Client(PersonalData data, String idNumberHash, LocalDate today) {
        apply(data, idNumberHash, today);
    }

    /**
     * Replaces the personal data and returns the names of the fields that changed, for the history.
     * Sensitive values are compared, never returned.
     */
    public List<String> correct(PersonalData data, String newIdNumberHash, LocalDate today) {
        Map<String, Object> before = snapshot();
        apply(data, newIdNumberHash, today);
        Map<String, Object> after = snapshot();
        List<String> changed = new ArrayList<>();
        before.forEach((field, value) -> {
            if (!Objects.equals(value, after.get(field))) {
                changed.add(field);
            }
        });
        return changed;
    }

    private void apply(PersonalData data, String newIdNumberHash, LocalDate today) {
        ChineseName.validate(data.fullName());
        if (data.sex() == null) {
            throw new InvalidInputException("sex", "client.sex.required");
        }
        if (data.birthDate() == null) {
            throw new InvalidInputException("birthDate", "client.birthDate.required");
        }
        if (data.birthDate().isAfter(today)) {
            throw new InvalidInputException("birthDate", "client.birthDate.future");
        }
        if (data.residenceRegion() == null) {
            throw new InvalidInputException("residenceRegionCode", "client.residence.required");
        }
        if (data.idNumber() == null
                && (data.noIdReason() == null || data.noIdReason().isBlank())) {
            throw new InvalidInputException("noIdReason", "client.noIdReason.required");
        }
        if (data.idNumber() != null) {
            data.idNumber().crossCheck(data.birthDate(), data.sex());
        }
        if (data.householdId() != null && data.relationToHead() == null) {
            throw new InvalidInputException("relationToHead", "client.relation.required");
        }
        this.fullName = data.fullName().strip();
        this.namePinyin = ChineseName.fullPinyin(fullName);
        this.nameInitials = ChineseName.initials(fullName);
        this.sex = data.sex();
        this.birthDate = data.birthDate();
        this.ethnicity = blankToNull(data.ethnicity());
        this.idNumber = data.idNumber() == null ? null : data.idNumber().value();
        this.idNumberHash = data.idNumber() == null ? null : newIdNumberHash;
        this.idNumberTail = data.idNumber() == null ? null : data.idNumber().tail();
        this.noIdReason = data.idNumber() == null ? data.noIdReason().strip() : null;
        this.phone = data.phone() == null ? null : data.phone().value();
        this.phoneTail = data.phone() == null ? null : data.phone().tail();
        this.hukouRegionCode =
                data.hukouRegion() == null ? null : data.hukouRegion().value();
        this.residenceRegionCode = data.residenceRegion().value();
        this.address = blankToNull(data.address());
        this.householdId = data.householdId();
        this.relationToHead = data.householdId() == null ? null : data.relationToHead();
        this.childProfile = data.childProfile();
        this.elderlyProfile = data.elderlyProfile();
    }

    /**
     * Adds a dated category, checking its rules: not before the birth date; 留守儿童 under 16 and
     * fitting the definition (both parents away, or one away and the other unable to guard); 困境儿童
     * under 18; 老年人 60+, 高龄 80+; 留守妇女 women.
     */
    public ClientCategory addCategory(
            CategoryType type,
            CategorySubType subType,
            LocalDate validFrom,
            LocalDate validTo,
            CategorySource source,
            String verifiedBy,
            String recordedBy,
            Instant now) {
        if (validFrom != null && validFrom.isBefore(birthDate)) {
            throw new InvalidInputException("validFrom", "client.category.beforeBirth", birthDate.toString());
        }
        if (type == CategoryType.LEFT_BEHIND_CHILD && validFrom != null && ageOn(validFrom) >= LEFT_BEHIND_AGE_LIMIT) {
            throw new InvalidInputException("category", "client.category.childTooOld");
        }
        if (type == CategoryType.LEFT_BEHIND_CHILD
                && childProfile != null
                && !childProfile.fitsLeftBehindDefinition()) {
            throw new InvalidInputException("category", "client.category.leftBehindDefinition");
        }
        if (subType == CategorySubType.ADVANCED_AGE && validFrom != null && ageOn(validFrom) < ADVANCED_AGE) {
            throw new InvalidInputException("category", "client.category.advancedAgeTooYoung", ADVANCED_AGE);
        }
        if (type == CategoryType.CHILD_IN_DIFFICULTY && validFrom != null && ageOn(validFrom) >= 18) {
            throw new InvalidInputException("category", "client.category.notMinor");
        }
        if (type == CategoryType.ELDERLY && validFrom != null && ageOn(validFrom) < 60) {
            throw new InvalidInputException("category", "client.category.elderlyTooYoung");
        }
        if (type == CategoryType.LEFT_BEHIND_WOMAN && sex != Sex.FEMALE) {
            throw new InvalidInputException("category", "client.category.womanOnly");
        }
        boolean duplicate = categories.stream()
                .anyMatch(c -> c.getType() == type && c.getSubType() == subType && c.getValidTo() == null);
        if (duplicate) {
            throw new InvalidInputException("category", "client.category.duplicate");
        }
        ClientCategory category =
                new ClientCategory(this, type, subType, validFrom, validTo, source, verifiedBy, recordedBy, now);
        categories.add(category);
        return category;
    }

    /**
     * Ends every 留守儿童 category still open on the day (no end date, or one after it) of a child who
     * is 16 or older, on the day before the 16th birthday. Returns the categories it ended.
     */
    public List<ClientCategory> endLeftBehindAtSixteen(LocalDate today, String reason) {
        if (ageOn(today) < LEFT_BEHIND_AGE_LIMIT) {
            return List.of();
        }
        List<ClientCategory> ended = new ArrayList<>();
        for (ClientCategory category : categories) {
            boolean open =
                    category.getValidTo() == null || !category.getValidTo().isBefore(today);
            if (category.getType() == CategoryType.LEFT_BEHIND_CHILD && open) {
                category.end(lastLeftBehindDay(), reason);
                ended.add(category);
            }
        }
        return ended;
    }

    /** Ends a category on a date with a reason; the record stays. */
    public ClientCategory endCategory(UUID categoryId, LocalDate endDate, String reason) {
        ClientCategory category = categories.stream()
                .filter(c -> c.getId().equals(categoryId))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("categoryId", "client.category.unknown"));
        category.end(endDate, reason);
        return category;
    }

    public List<ClientCategory> getCategories() {
        return Collections.unmodifiableList(categories);
    }

    /** The last day a 留守儿童 category can hold: the day before the 16th birthday. */
    public LocalDate lastLeftBehindDay() {
        return birthDate.plusYears(LEFT_BEHIND_AGE_LIMIT).minusDays(1);
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public RegionCode residenceRegion() {
        return new RegionCode(residenceRegionCode);
    }

    /** Masked forms for lists and pages: a full number needs a permission and leaves a record. */
    public String maskedIdNumber() {
        return idNumber == null ? null : new ResidentIdNumber(idNumber).masked();
    }

    public String maskedPhone() {
        return phone == null ? null : new PhoneNumber(phone).masked();
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("fullName", fullName);
        s.put("sex", sex);
        s.put("birthDate", birthDate);
        s.put("ethnicity", ethnicity);
        s.put("idNumber", idNumber);
        s.put("noIdReason", noIdReason);
        s.put("phone", phone);
        s.put("hukouRegionCode", hukouRegionCode);
        s.put("residenceRegionCode", residenceRegionCode);
        s.put("address", address);
        s.put("householdId", householdId);
        s.put("relationToHead", relationToHead);
        s.put("childProfile", childProfile == null ? null : ProfileValues.of(childProfile));
        s.put("elderlyProfile", elderlyProfile == null ? null : ProfileValues.of(elderlyProfile));
        return s;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
