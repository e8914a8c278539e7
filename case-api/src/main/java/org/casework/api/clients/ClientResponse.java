package org.casework.api.clients;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.LivingArrangement;
import org.casework.core.clients.ParentStatus;
import org.casework.core.clients.Sex;

/** A client as the API shows it: ID and phone numbers masked. */
public record ClientResponse(
        UUID id,
        long version,
        String fullName,
        Sex sex,
        LocalDate birthDate,
        String ethnicity,
        String idNumberMasked,
        String noIdReason,
        String phoneMasked,
        String hukouRegionCode,
        String residenceRegionCode,
        String address,
        UUID householdId,
        HouseholdRelation relationToHead,
        Child child,
        Elderly elderly,
        List<Category> categories,
        Instant createdAt,
        String createdBy,

        @Schema(description = "Display name of who registered the client (e.g. 堌阳镇社工 李娜)")
        String createdByName,

        Instant updatedAt,
        String updatedBy,

        @Schema(description = "Display name of who changed the client last")
        String updatedByName) {

    /** A child's care situation; carer and guardian phones masked. */
    public record Child(
            ParentStatus fatherStatus,
            String fatherWorkplace,
            ParentStatus motherStatus,
            String motherWorkplace,
            String guardianName,
            String guardianRelation,
            String guardianPhoneMasked,
            String carerName,
            String carerRelation,
            String carerPhoneMasked,
            String school,
            LocalDate lastParentContact) {}

    public record Elderly(LivingArrangement livingArrangement, String supporters) {}

    /**
     * A dated category. {@code active}: it holds today (a 留守儿童 category never holds from the 16th
     * birthday, even before the daily review has given it an end date).
     */
    public record Category(
            UUID id,
            CategoryType type,
            CategorySubType subType,
            LocalDate validFrom,
            LocalDate validTo,
            CategorySource source,
            String verifiedBy,
            String endReason,
            boolean active) {}
}
