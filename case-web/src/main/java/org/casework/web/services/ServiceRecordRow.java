package org.casework.web.services;

import java.util.Map;
import java.util.UUID;
import org.casework.core.services.ServiceRecord;
import org.casework.core.services.ServiceType;
import org.casework.web.support.Dates;

/**
 * One logged service as the workspace and the client page list it; times in China's time. The
 * observations a village director ticked on the phone are shown with the phone's labels.
 */
public record ServiceRecordRow(
        UUID id,
        ServiceType type,
        String at,
        Integer durationMinutes,
        String place,
        String participants,
        String notes,
        String recordedBy,
        boolean inCase,
        boolean voided,
        String voidReason,
        Map<String, Object> observations) {

    public static ServiceRecordRow of(ServiceRecord r) {
        return new ServiceRecordRow(
                r.getId(),
                r.getType(),
                Dates.dateTime(r.getOccurredAt()),
                r.getDurationMinutes(),
                r.getPlace(),
                r.getParticipants(),
                r.getNotes(),
                r.getRecordedBy(),
                r.getCaseId() != null,
                r.isVoided(),
                r.getVoidReason(),
                r.getObservations());
    }
}
