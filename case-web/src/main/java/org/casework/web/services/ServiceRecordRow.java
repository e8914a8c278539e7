package org.casework.web.services;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
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

    /** The rows of a page, with who recorded each by display name (one query for all of them). */
    public static List<ServiceRecordRow> of(List<ServiceRecord> records, PeopleNames people) {
        DisplayNames names =
                people.of(records.stream().map(ServiceRecord::getRecordedBy).toList());
        return records.stream().map(r -> of(r, names)).toList();
    }

    static ServiceRecordRow of(ServiceRecord r, DisplayNames names) {
        return new ServiceRecordRow(
                r.getId(),
                r.getType(),
                Dates.dateTime(r.getOccurredAt()),
                r.getDurationMinutes(),
                r.getPlace(),
                r.getParticipants(),
                r.getNotes(),
                names.of(r.getRecordedBy()),
                r.getCaseId() != null,
                r.isVoided(),
                r.getVoidReason(),
                r.getObservations());
    }
}
