package org.casework.web.worklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.casework.core.regions.RegionService;
import org.casework.core.worklist.WorkItem;
import org.springframework.stereotype.Component;

/**
 * A page of work items grouped by village, villages in the order their most urgent item comes, so
 * a worker plans one trip per village without losing the urgency order.
 */
@Component
@RequiredArgsConstructor
class VillageGroups {

    /** One village's items. */
    public record Group(String regionCode, String name, List<WorkItem> items) {}

    private final RegionService regions;

    List<Group> of(List<WorkItem> items) {
        Map<String, List<WorkItem>> byVillage = new LinkedHashMap<>();
        for (WorkItem item : items) {
            String code = item.regionCode() == null ? "" : item.regionCode();
            byVillage.computeIfAbsent(code, k -> new ArrayList<>()).add(item);
        }
        Map<String, String> names = regions.namesOf(
                byVillage.keySet().stream().filter(c -> !c.isEmpty()).toList());
        return byVillage.entrySet().stream()
                .map(e -> new Group(e.getKey(), names.getOrDefault(e.getKey(), "—"), e.getValue()))
                .toList();
    }
}
