package org.casework.web.support;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.casework.core.regions.Region;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.springframework.stereotype.Component;

/**
 * The villages a user may pick, grouped by township: their own village, their township's villages,
 * or every village of their county. Pickers never offer a place the services would refuse.
 */
@Component
@RequiredArgsConstructor
public class JurisdictionRegions {

    private final RegionService regions;
    private final CurrentActor currentActor;

    public List<VillageGroup> villages() {
        Actor actor = currentActor.get();
        RegionCode home = actor.jurisdiction();
        if (home == null) {
            return List.of();
        }
        return switch (home.level()) {
            case VILLAGE -> List.of(group(home.parent(), List.of(regions.require(home))));
            case TOWNSHIP -> List.of(group(home, regions.children(home)));
            case COUNTY ->
                regions.children(home).stream()
                        .map(township -> group(township.regionCode(), regions.children(township.regionCode())))
                        .toList();
            default -> List.of();
        };
    }

    private VillageGroup group(RegionCode township, List<Region> villages) {
        String name = regions.namesOf(List.of(township.value())).getOrDefault(township.value(), township.value());
        return new VillageGroup(
                township.value(),
                name,
                villages.stream()
                        .filter(v -> v.getLevel() == RegionLevel.VILLAGE)
                        .map(v -> new VillageGroup.Option(v.getCode(), v.getName()))
                        .toList());
    }
}
