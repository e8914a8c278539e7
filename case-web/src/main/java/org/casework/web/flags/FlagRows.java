package org.casework.web.flags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.ClientService;
import org.casework.core.flags.Flag;
import org.casework.core.flags.MandatoryReportService;
import org.casework.core.regions.RegionService;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.casework.web.support.Dates;
import org.springframework.stereotype.Component;

/**
 * Flags as lists show them, with village and child names fetched once per list. The registry name
 * of a child is shown only to users who may read the registry; a new minimal record carries its
 * own name.
 */
@Component
@RequiredArgsConstructor
public class FlagRows {

    private final RegionService regions;
    private final ClientService clients;
    private final MandatoryReportService reports;
    private final CurrentActor currentActor;
    private final Clock clock;

    /**
     * @param withReportState whether to look up which mandatory-report flags have their report
     *     (station staff only; one query for the whole list)
     */
    public List<FlagRow> of(Collection<Flag> flags, boolean withReportState) {
        Set<String> villages = new HashSet<>();
        Set<UUID> clientIds = new HashSet<>();
        flags.forEach(f -> {
            villages.add(f.getVillageCode());
            if (f.getClientId() != null) {
                clientIds.add(f.getClientId());
            }
        });
        Map<String, String> villageNames = placeNames(villages);
        Map<UUID, String> clientNames =
                clientIds.isEmpty() || !currentActor.get().has(Permission.READ_CLIENTS)
                        ? Map.of()
                        : clients.namesOf(clientIds);
        Instant now = clock.instant();
        Set<UUID> reported = withReportState
                ? reports.reported(flags.stream()
                        .filter(Objects::nonNull)
                        .filter(Flag::isMandatoryReport)
                        .map(Flag::getId)
                        .toList())
                : Set.of();
        return flags.stream()
                .filter(Objects::nonNull)
                .map(f -> row(f, villageNames, clientNames, now, withReportState, reported))
                .toList();
    }

    /**
     * Village names; for users above a township (county supervisors) prefixed with the township's,
     * since a county's list spans many townships and village names repeat across them.
     */
    private Map<String, String> placeNames(Set<String> villages) {
        Map<String, String> names = regions.namesOf(villages);
        RegionCode home = currentActor.get().jurisdiction();
        if (home == null || home.level().ordinal() >= RegionLevel.TOWNSHIP.ordinal()) {
            return names;
        }
        Map<String, String> townships = new HashMap<>();
        villages.stream()
                .map(RegionCode::new)
                .filter(v -> v.level() == RegionLevel.VILLAGE)
                .forEach(v -> townships.put(v.value(), v.parent().value()));
        Map<String, String> townshipNames = regions.namesOf(new HashSet<>(townships.values()));
        Map<String, String> places = new HashMap<>();
        names.forEach((code, name) -> {
            String township = townshipNames.get(townships.get(code));
            places.put(code, township == null ? name : township + " " + name);
        });
        return places;
    }

    public FlagRow of(Flag flag, boolean withReportState) {
        return of(List.of(flag), withReportState).get(0);
    }

    private FlagRow row(
            Flag f,
            Map<String, String> villageNames,
            Map<UUID, String> clientNames,
            Instant now,
            boolean withReports,
            Set<UUID> reported) {
        String subject = f.getClientId() != null ? clientNames.get(f.getClientId()) : f.getSubjectName();
        Duration age = Duration.between(f.getRaisedAt(), now);
        String ageKey;
        long ageValue;
        if (age.toMinutes() < 1) {
            ageKey = "flag.age.now";
            ageValue = 0;
        } else if (age.toHours() < 1) {
            ageKey = "flag.age.minutes";
            ageValue = age.toMinutes();
        } else if (age.toDays() < 1) {
            ageKey = "flag.age.hours";
            ageValue = age.toHours();
        } else {
            ageKey = "flag.age.days";
            ageValue = age.toDays();
        }
        Boolean reportMissing = withReports && f.isMandatoryReport() ? !reported.contains(f.getId()) : null;
        return new FlagRow(
                f.getId(),
                f.getType(),
                f.getSeverity(),
                f.isMandatoryReport(),
                subject,
                villageNames.getOrDefault(f.getVillageCode(), f.getVillageCode()),
                Dates.dateTime(f.getRaisedAt()),
                ageKey,
                ageValue,
                Dates.dateTime(f.getTriageDueAt()),
                f.isOverdue(now),
                f.getStatus(),
                f.getOutcome(),
                f.getOutcomeReason(),
                f.getOutcomeCaseId(),
                reportMissing);
    }
}
