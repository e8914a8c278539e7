package org.casework.api.flags;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.casework.core.clients.Sex;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagOutcome;
import org.casework.core.flags.FlagStatus;
import org.casework.core.flags.FlagType;
import org.casework.core.shared.RiskLevel;

/**
 * A flag. Station staff of its area see everything; its reporter sees what they sent and what the
 * station decided, without the station's working fields (deadlines, escalations, case links). The
 * reporter's identity is only in the staff view.
 */
public record FlagResponse(
        UUID id,
        long version,
        String villageCode,
        UUID clientId,
        String subjectName,
        Sex subjectSex,
        Integer subjectAgeYears,
        String guardianContact,
        FlagType type,
        boolean mandatoryReport,
        RiskLevel severity,
        String description,
        Instant observedAt,
        String observedPlace,
        Instant raisedAt,
        boolean hasPhoto,
        FlagStatus status,
        FlagOutcome outcome,
        String outcomeReason,
        Instant triagedAt,
        StaffView staff) {

    /** What only station staff of the flag's area see. */
    public record StaffView(
            String reporterUsername,

            @Schema(description = "who raised it, by display name (任庄村儿童主任 任秀兰)")
            String reporterName,

            Instant triageDueAt,
            boolean overdue,
            Instant escalatedToStationHeadAt,
            Instant escalatedToCountyAt,
            boolean mandatoryReportRecorded,
            UUID outcomeCaseId,
            UUID outcomeClientId,
            String triagedBy,

            @Schema(description = "who triaged it, by display name (堌阳镇社工 李娜)")
            String triagedByName) {}

    static FlagResponse of(Flag flag, boolean hasPhoto, StaffView staff) {
        return new FlagResponse(
                flag.getId(),
                flag.getVersion() == null ? 0 : flag.getVersion(),
                flag.getVillageCode(),
                flag.getClientId(),
                flag.getSubjectName(),
                flag.getSubjectSex(),
                flag.getSubjectAgeYears(),
                flag.getGuardianContact(),
                flag.getType(),
                flag.isMandatoryReport(),
                flag.getSeverity(),
                flag.getDescription(),
                flag.getObservedAt(),
                flag.getObservedPlace(),
                flag.getRaisedAt(),
                hasPhoto,
                flag.getStatus(),
                flag.getOutcome(),
                flag.getOutcomeReason(),
                flag.getTriagedAt(),
                staff);
    }
}
