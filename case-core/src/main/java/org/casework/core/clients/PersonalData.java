package org.casework.core.clients;

import java.time.LocalDate;
import java.util.UUID;
import org.casework.core.shared.RegionCode;

/**
 * A client's validated personal data, as the service hands it to the aggregate: value objects
 * already parsed, regions already known to exist.
 */
public record PersonalData(
        String fullName,
        Sex sex,
        LocalDate birthDate,
        String ethnicity,
        ResidentIdNumber idNumber,
        String noIdReason,
        PhoneNumber phone,
        RegionCode hukouRegion,
        RegionCode residenceRegion,
        String address,
        UUID householdId,
        HouseholdRelation relationToHead,
        ChildProfile childProfile,
        ElderlyProfile elderlyProfile) {}
