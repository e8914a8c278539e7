package org.casework.core.regions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the division tree. Regions are public reference data: no scoping needed. */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class RegionService {

    private final RegionRepository regions;

    /** The region with this code; refuses a well-formed code that is not in the reference data. */
    public Region require(RegionCode code) {
        return regions.findById(code.value())
                .orElseThrow(() -> new InvalidInputException("regionCode", "region.code.unknown", code.value()));
    }

    /** Checks that the code exists and is of the wanted level. */
    public Region requireLevel(RegionCode code, RegionLevel level, String field) {
        Region region = regions.findById(code.value())
                .orElseThrow(() -> new InvalidInputException(field, "region.code.unknown", code.value()));
        if (region.getLevel() != level) {
            throw new InvalidInputException(field, "region.level.wrong", code.value());
        }
        return region;
    }

    public List<Region> children(RegionCode parent) {
        return regions.findByParentCodeOrderByCode(parent.value());
    }

    public List<Region> ofLevel(RegionLevel level) {
        return regions.findByLevelOrderByCode(level);
    }

    /** Names by code, for list pages that show many regions (one query, not one per row). */
    public Map<String, String> namesOf(Collection<String> codes) {
        return regions.findByCodeIn(codes).stream()
                .collect(Collectors.toMap(Region::getCode, Region::getName, (a, b) -> a));
    }

    /** Full path name like "兰考县 堌阳镇 任庄村", county and below. */
    public String pathName(RegionCode code) {
        StringBuilder path = new StringBuilder();
        List<String> codes = new java.util.ArrayList<>();
        for (RegionCode c = code; c != null && c.level().ordinal() >= RegionLevel.COUNTY.ordinal(); c = c.parent()) {
            codes.add(0, c.value());
        }
        Map<String, Region> found =
                regions.findByCodeIn(codes).stream().collect(Collectors.toMap(Region::getCode, Function.identity()));
        for (String c : codes) {
            Region r = found.get(c);
            if (r != null) {
                if (!path.isEmpty()) {
                    path.append(' ');
                }
                path.append(r.getName());
            }
        }
        return path.toString();
    }
}
