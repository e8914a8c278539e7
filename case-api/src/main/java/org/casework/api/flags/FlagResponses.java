package org.casework.api.flags;

import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.MandatoryReportService;
import org.springframework.stereotype.Component;

/** Builds the response the caller may see: the staff view only for staff of the flag's area. */
@Component
@RequiredArgsConstructor
class FlagResponses {

    private final FlagService flags;
    private final MandatoryReportService reports;
    private final Clock clock;

    FlagResponse of(Flag flag) {
        boolean photo = flags.hasPhoto(flag.getId());
        if (!flags.isStaffView(flag)) {
            return FlagResponse.of(flag, photo, null);
        }
        return FlagResponse.of(
                flag,
                photo,
                new FlagResponse.StaffView(
                        flag.getReporterUsername(),
                        flag.getTriageDueAt(),
                        flag.isOverdue(clock.instant()),
                        flag.getEscalatedHeadAt(),
                        flag.getEscalatedCountyAt(),
                        reports.forFlag(flag.getId()).isPresent(),
                        flag.getOutcomeCaseId(),
                        flag.getOutcomeClientId(),
                        flag.getTriagedBy()));
    }
}
