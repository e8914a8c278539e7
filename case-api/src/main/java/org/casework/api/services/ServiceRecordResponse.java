package org.casework.api.services;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.casework.core.services.ServiceType;

/** A service record; a voided one stays listed, with who voided it, when and why. */
public record ServiceRecordResponse(
        UUID id,
        UUID clientId,
        UUID caseId,
        ServiceType type,
        boolean visit,
        Instant occurredAt,
        Integer durationMinutes,
        String place,
        String participants,
        String notes,
        java.util.Map<String, Object> observations,
        UUID planActivityId,
        String recordedBy,

        @Schema(description = "who recorded it, by display name (堌阳镇社工 李娜)")
        String recordedByName,

        Instant recordedAt,
        boolean voided,
        Instant voidedAt,
        String voidedBy,

        @Schema(description = "who voided it, by display name")
        String voidedByName,

        String voidReason) {}
