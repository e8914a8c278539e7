package org.casework.web.flags;

import java.util.UUID;
import org.casework.core.clients.Sex;
import org.casework.core.flags.Flag;
import org.casework.core.shared.RiskLevel;
import org.casework.web.support.Dates;

/**
 * What the flag page shows beyond its list row. The reporter's name and the deadlines are filled in
 * for station staff only: the reporter's identity is confidential.
 */
public record FlagDetail(
        FlagRow row,
        long version,
        UUID clientId,
        Sex subjectSex,
        Integer subjectAgeYears,
        String guardianContact,
        String villageCode,
        RiskLevel proposedSeverity,
        String description,
        String observedAt,
        String observedPlace,
        boolean hasPhoto,
        String reporterName,
        String countyDue,
        String escalatedHeadAt,
        String escalatedCountyAt,
        String triagedBy,
        String triagedAt,
        boolean referable) {

    static FlagDetail of(FlagRow row, Flag flag, boolean hasPhoto, String reporterName, boolean staff) {
        return new FlagDetail(
                row,
                flag.getVersion() == null ? 0 : flag.getVersion(),
                flag.getClientId(),
                flag.getSubjectSex(),
                flag.getSubjectAgeYears(),
                flag.getGuardianContact(),
                flag.getVillageCode(),
                flag.getType().proposedSeverity(),
                flag.getDescription(),
                Dates.dateTime(flag.getObservedAt()),
                flag.getObservedPlace(),
                hasPhoto,
                staff ? reporterName : null,
                staff ? Dates.dateTime(flag.getCountyDueAt()) : null,
                staff ? Dates.dateTime(flag.getEscalatedHeadAt()) : null,
                staff ? Dates.dateTime(flag.getEscalatedCountyAt()) : null,
                staff ? flag.getTriagedBy() : null,
                Dates.dateTime(flag.getTriagedAt()),
                // a referral needs the child in the registry: the flag's child or the one triage registered
                staff && (flag.getClientId() != null || flag.getOutcomeClientId() != null));
    }
}
