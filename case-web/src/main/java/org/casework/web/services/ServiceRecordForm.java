package org.casework.web.services;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.services.ServiceRecordService.NewServiceRecord;
import org.casework.core.services.ServiceType;
import org.casework.core.shared.ChinaTime;
import org.springframework.format.annotation.DateTimeFormat;

/** "Log a visit or service": the day and time are China's, as the worker reads them on the wall clock. */
@Getter
@Setter
public class ServiceRecordForm {

    private ServiceType type;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime time;

    private Integer durationMinutes;
    private String place;
    private String participants;
    private String notes;
    private UUID planActivityId;

    /** A form for now: today, this hour and minute, a home visit. */
    public static ServiceRecordForm now(java.time.Clock clock) {
        ServiceRecordForm form = new ServiceRecordForm();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ChinaTime.ZONE));
        form.type = ServiceType.HOME_VISIT;
        form.date = now.toLocalDate();
        form.time = now.toLocalTime().withSecond(0).withNano(0);
        return form;
    }

    public NewServiceRecord toCommand(UUID clientId, UUID caseId) {
        java.time.Instant at = date == null
                ? null
                : date.atTime(time == null ? LocalTime.NOON : time)
                        .atZone(ChinaTime.ZONE)
                        .toInstant();
        return new NewServiceRecord(
                clientId,
                caseId,
                type,
                at,
                durationMinutes,
                place,
                participants,
                notes,
                caseId == null ? null : planActivityId);
    }
}
