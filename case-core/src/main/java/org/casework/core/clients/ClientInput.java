package org.casework.core.clients;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a worker enters to register or correct a client, as typed: the service validates it
 * (ID check digit, phone format, regions, jurisdiction) and refuses it whole if anything is wrong.
 *
 * @param duplicateOverrideReason why a record is created although one with the same name, birth
 *     date and village exists; null when no warning was shown
 * @param categories categories to add at registration (ignored on update)
 */
public record ClientInput(
        @Size(max = ChineseName.MAX_LENGTH) String fullName,
        Sex sex,
        LocalDate birthDate,
        @Size(max = Client.ETHNICITY_MAX_LENGTH) String ethnicity,
        @Size(max = ID_NUMBER_MAX_LENGTH) String idNumber,
        @Size(max = Client.NO_ID_REASON_MAX_LENGTH) String noIdReason,
        @Size(max = PHONE_MAX_LENGTH) String phone,
        @Size(max = REGION_CODE_MAX_LENGTH) String hukouRegionCode,
        @Size(max = REGION_CODE_MAX_LENGTH) String residenceRegionCode,
        @Size(max = Client.ADDRESS_MAX_LENGTH) String address,
        UUID householdId,
        HouseholdRelation relationToHead,
        ChildProfileInput child,
        ElderlyProfileInput elderly,
        List<NewCategory> categories,

        @Size(max = ClientService.DUPLICATE_OVERRIDE_MAX_LENGTH)
        String duplicateOverrideReason) {

    /** As typed: an 18-character number, perhaps with spaces or dashes between the groups. */
    public static final int ID_NUMBER_MAX_LENGTH = 24;

    public static final int PHONE_MAX_LENGTH = 20;
    public static final int REGION_CODE_MAX_LENGTH = 12;

    /** A child's care situation as entered; phones validated by the service. */
    public record ChildProfileInput(
            ParentStatus fatherStatus,
            @Size(max = ChildProfile.WORKPLACE_MAX_LENGTH) String fatherWorkplace,
            ParentStatus motherStatus,
            @Size(max = ChildProfile.WORKPLACE_MAX_LENGTH) String motherWorkplace,
            @Size(max = ChildProfile.NAME_MAX_LENGTH) String guardianName,
            @Size(max = ChildProfile.RELATION_MAX_LENGTH) String guardianRelation,
            @Size(max = PHONE_MAX_LENGTH) String guardianPhone,
            @Size(max = ChildProfile.NAME_MAX_LENGTH) String carerName,
            @Size(max = ChildProfile.RELATION_MAX_LENGTH) String carerRelation,
            @Size(max = PHONE_MAX_LENGTH) String carerPhone,
            @Size(max = ChildProfile.SCHOOL_MAX_LENGTH) String school,
            LocalDate lastParentContact) {}

    /** An elderly person's living arrangement and supporters. */
    public record ElderlyProfileInput(
            LivingArrangement livingArrangement,

            @Size(max = ElderlyProfile.SUPPORTERS_MAX_LENGTH)
            String supporters) {}

    /** A dated category with its source and verifier. */
    public record NewCategory(
            CategoryType type,
            CategorySubType subType,
            LocalDate validFrom,
            LocalDate validTo,
            CategorySource source,
            @Size(max = ClientCategory.VERIFIER_MAX_LENGTH) String verifiedBy) {}
}
