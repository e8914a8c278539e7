package org.casework.core.clients;

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
        String fullName,
        Sex sex,
        LocalDate birthDate,
        String ethnicity,
        String idNumber,
        String noIdReason,
        String phone,
        String hukouRegionCode,
        String residenceRegionCode,
        String address,
        UUID householdId,
        HouseholdRelation relationToHead,
        ChildProfileInput child,
        ElderlyProfileInput elderly,
        List<NewCategory> categories,
        String duplicateOverrideReason) {

    /** A child's care situation as entered; phones validated by the service. */
    public record ChildProfileInput(
            ParentStatus fatherStatus,
            String fatherWorkplace,
            ParentStatus motherStatus,
            String motherWorkplace,
            String guardianName,
            String guardianRelation,
            String guardianPhone,
            String carerName,
            String carerRelation,
            String carerPhone,
            String school,
            LocalDate lastParentContact) {}

    /** An elderly person's living arrangement and supporters. */
    public record ElderlyProfileInput(LivingArrangement livingArrangement, String supporters) {}

    /** A dated category with its source and verifier. */
    public record NewCategory(
            CategoryType type,
            CategorySubType subType,
            LocalDate validFrom,
            LocalDate validTo,
            CategorySource source,
            String verifiedBy) {}
}
