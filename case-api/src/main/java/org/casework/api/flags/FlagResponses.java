package org.casework.api.flags;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
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
    private final PeopleNames people;
    private final Clock clock;

    FlagResponse of(Flag flag) {
        return forList(List.of(flag)).apply(flag);
    }

    /**
     * Responses for a list: the photo, police-report and people's-names lookups are one query each, not
     * one per flag. Names are looked up only for flags shown in the staff view (the reporter is theirs).
     */
    Function<Flag, FlagResponse> forList(List<Flag> list) {
        List<UUID> ids = list.stream().map(Flag::getId).toList();
        Set<UUID> photos = flags.withPhotos(ids);
        List<Flag> staffFlags = list.stream().filter(flags::isStaffView).toList();
        List<UUID> staffIds = staffFlags.stream().map(Flag::getId).toList();
        Set<UUID> reported = staffIds.isEmpty() ? Set.of() : reports.reported(staffIds);
        DisplayNames names = staffFlags.isEmpty()
                ? DisplayNames.NONE
                : people.of(staffFlags.stream()
                        .flatMap(f -> java.util.stream.Stream.of(f.getReporterUsername(), f.getTriagedBy()))
                        .toList());
        Instant now = clock.instant();
        return flag -> {
            boolean photo = photos.contains(flag.getId());
            if (!flags.isStaffView(flag)) {
                return FlagResponse.of(flag, photo, null);
            }
            return FlagResponse.of(
                    flag,
                    photo,
                    new FlagResponse.StaffView(
                            flag.getReporterUsername(),
                            names.of(flag.getReporterUsername()),
                            flag.getTriageDueAt(),
                            flag.isOverdue(now),
                            flag.getEscalatedHeadAt(),
                            flag.getEscalatedCountyAt(),
                            reported.contains(flag.getId()),
                            flag.getOutcomeCaseId(),
                            flag.getOutcomeClientId(),
                            flag.getTriagedBy(),
                            names.of(flag.getTriagedBy())));
        };
    }
}
